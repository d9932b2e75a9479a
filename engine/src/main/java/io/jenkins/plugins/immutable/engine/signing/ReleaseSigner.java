package io.jenkins.plugins.immutable.engine.signing;

import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;

/** Signs a release's provenance and stores it in the registry, or finds the signed provenance it already has. */
public final class ReleaseSigner {

    private final AttestationStore store;

    public ReleaseSigner(AttestationStore store) {
        this.store = store;
    }

    /** A private key read for one build; it shows only its id, never its material. */
    public static final class Key {
        private final PrivateKey privateKey;
        private final String id;

        private Key(PrivateKey privateKey, String id) {
            this.privateKey = privateKey;
            this.id = id;
        }

        /** Reads the key before anything is built, so a wrong file fails the build at once. */
        public static Key load(Path file) throws InvalidInputException {
            PrivateKey key = SigningKeys.readPrivateKey(file);
            return new Key(key, SigningKeys.keyId(PublicHalf.of(key)));
        }

        public String id() {
            return id;
        }

        @Override
        public String toString() {
            return "signing key " + id;
        }
    }

    /** Signed provenance: the envelope's JSON, the key id, and where the registry holds it. */
    public record Signed(byte[] envelopeJson, String keyId, String tag, boolean referrer) {
    }

    public Signed sign(Key key, ImageRef image, String statementJson, RegistryCredentials credentials) throws ReleaseException {
        byte[] envelope = Envelope.sign(statementJson.getBytes(StandardCharsets.UTF_8), key.privateKey, key.id()).toJson();
        AttestationStore.Stored stored = store.push(image, envelope, credentials);
        return new Signed(envelope, key.id(), stored.tag(), stored.referrer());
    }

    /** The signed provenance the registry already holds for the image (the first envelope), if any. */
    public Optional<Signed> existing(ImageRef image, RegistryCredentials credentials) throws ReleaseException {
        List<byte[]> envelopes = store.fetch(image, credentials);
        if (envelopes.isEmpty()) {
            return Optional.empty();
        }
        String keyId;
        try {
            keyId = Envelope.parse(envelopes.get(0)).keyIds().stream().findFirst().orElse("");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Signed(envelopes.get(0), keyId, AttestationLayout.tag(image.digest()), false));
    }
}
