package io.jenkins.plugins.immutable.engine.api;

import java.nio.file.Path;

/**
 * The outcome of {@link ReleaseEngine#build}.
 *
 * @param release        the release built or reused
 * @param reused         {@code true} when an earlier release with the same input digest was returned and nothing was built
 * @param releaseFile    {@code release.json}
 * @param provenanceFile {@code provenance.intoto.json}: for a reused release, its original statement
 * @param provenanceJson the statement's text
 * @param attestationFile {@code provenance.intoto.dsse.json}, the signed envelope also stored in the registry; {@code null}
 *                        when the release has no signed provenance
 * @param keyId          the signing key's id ({@code SHA256:…}, its OpenSSH fingerprint), or {@code null} when unsigned
 */
public record BuildResult(Release release, boolean reused, Path releaseFile, Path provenanceFile, String provenanceJson,
        Path attestationFile, String keyId) {

    /** An unsigned release's outcome. */
    public BuildResult(Release release, boolean reused, Path releaseFile, Path provenanceFile, String provenanceJson) {
        this(release, reused, releaseFile, provenanceFile, provenanceJson, null, null);
    }

    /** Whether the release's provenance is signed and stored in the registry. */
    public boolean signed() {
        return keyId != null;
    }
}
