package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A built (or adopted) image, identified by its registry digest and by the digest of the inputs that made it.
 *
 * @param id             {@code rel-} and the first 12 hex digits of the image digest: the same image is the same release
 * @param app            the application name (by default the repository's last path component)
 * @param ref            where the image is, by digest
 * @param inputDigest    the digest of the canonical build inputs; {@code null} for an image deployed without being built here
 * @param sourceUri      where the sources came from, if known; any user info is dropped here ({@link Uris}), so no
 *                       release, whoever made it, carries a credential
 * @param sourceRevision the revision of the sources, if known
 * @param created        when the image was built (or first recorded)
 * @param builderId      who built it: a Jenkins build URL or {@code cli@host}
 */
public record Release(String id, String app, ImageRef ref, Digest inputDigest, String sourceUri, String sourceRevision,
        Instant created, String builderId) implements Serializable {

    public Release {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(builderId, "builderId");
        sourceUri = Uris.withoutUserInfo(sourceUri);
    }

    /** The release id of an image digest. */
    public static String idFor(Digest imageDigest) {
        return "rel-" + imageDigest.shortHex(12);
    }

    public Digest digest() {
        return ref.digest();
    }
}
