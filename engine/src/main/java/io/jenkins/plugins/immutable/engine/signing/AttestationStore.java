package io.jenkins.plugins.immutable.engine.signing;

import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores and fetches an image's signed provenance in its registry, in cosign's layout (see {@link AttestationLayout}). */
public final class AttestationStore {

    private final RegistryClient registry;

    public AttestationStore(RegistryClient registry) {
        this.registry = registry;
    }

    /** What {@link #push} stored: the tag, and whether it was also attached as an OCI 1.1 referrer. */
    public record Stored(String tag, boolean referrer) {
    }

    /**
     * Pushes the envelope and cosign's config as blobs, the manifest under {@code sha256-<hex>.att}, and, where the
     * registry answers the referrers API, the same layers once more as a manifest whose subject is the image.
     */
    public Stored push(ImageRef image, byte[] envelope, RegistryCredentials credentials) throws ReleaseException {
        String host = image.registry();
        String path = image.path();
        byte[] config = AttestationLayout.config(RegistryClient.digestOf(envelope));
        registry.pushBlob(host, path, config, credentials);
        registry.pushBlob(host, path, envelope, credentials);
        String tag = AttestationLayout.tag(image.digest());
        registry.putManifest(host, path, tag, AttestationLayout.manifest(config, envelope, null, 0, null),
                AttestationLayout.MANIFEST_TYPE, credentials);
        boolean referrer = false;
        if (registry.answersReferrers(host, path, image.digest(), credentials)) {
            Optional<RegistryClient.Manifest> subject = registry.manifest(host, path, image.digest().value(), credentials);
            if (subject.isPresent()) {
                byte[] manifest = AttestationLayout.manifest(config, envelope, image.digest(), subject.get().body().length,
                        subject.get().mediaType());
                registry.putManifest(host, path, RegistryClient.digestOf(manifest).value(), manifest,
                        AttestationLayout.MANIFEST_TYPE, credentials);
                referrer = true;
            }
        }
        return new Stored(tag, referrer);
    }

    /** Every DSSE envelope stored under the image's attestation tag; empty when there is no such tag. */
    public List<byte[]> fetch(ImageRef image, RegistryCredentials credentials) throws ReleaseException {
        Optional<RegistryClient.Manifest> manifest = registry.manifest(image.registry(), image.path(),
                AttestationLayout.tag(image.digest()), credentials);
        List<byte[]> envelopes = new ArrayList<>();
        if (manifest.isPresent()) {
            for (Digest layer : AttestationLayout.envelopeLayers(manifest.get().body())) {
                envelopes.add(registry.blob(image.registry(), image.path(), layer, credentials));
            }
        }
        return envelopes;
    }
}
