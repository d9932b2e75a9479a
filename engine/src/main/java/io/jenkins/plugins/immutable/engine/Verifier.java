package io.jenkins.plugins.immutable.engine;

import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import io.jenkins.plugins.immutable.engine.api.VerifyResult.Check;
import io.jenkins.plugins.immutable.engine.provenance.ProvenanceStatement;
import io.jenkins.plugins.immutable.engine.registry.DockerConfigAuth;
import io.jenkins.plugins.immutable.engine.registry.RegistryClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks a provenance statement against an image reference and against the registry that should serve it. */
final class Verifier {

    private final RegistryClient registry;
    private final DockerConfigAuth auth;

    Verifier(RegistryClient registry, DockerConfigAuth auth) {
        this.registry = registry;
        this.auth = auth;
    }

    VerifyResult verify(ImageRef ref, Path provenance) throws ReleaseException {
        String json;
        try {
            json = Files.readString(provenance, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("provenance", "cannot read " + provenance + " (" + e.getMessage()
                    + "): expected a provenance.intoto.json written by a build");
        }
        List<Check> checks = new ArrayList<>();
        ProvenanceStatement.Summary summary;
        try {
            summary = ProvenanceStatement.read(json);
            checks.add(new Check("statement", true, "in-toto Statement v1 with a SLSA Provenance v1 predicate"));
        } catch (IllegalArgumentException e) {
            checks.add(new Check("statement", false, e.getMessage()));
            return new VerifyResult(ref, provenance, checks);
        }
        boolean sameDigest = summary.subjectDigest().equals(ref.digest());
        checks.add(new Check("subject digest", sameDigest, sameDigest ? "subject is " + summary.subjectDigest()
                : "subject is " + summary.subjectDigest() + ", the reference names " + ref.digest()));
        boolean sameName = ref.repository().equals(summary.subjectName());
        checks.add(new Check("subject name", sameName, sameName ? "subject is " + summary.subjectName()
                : "subject is " + summary.subjectName() + ", the reference names " + ref.repository()));
        boolean served = registry.serves(ref, auth.resolve(ref.registry(), null));
        checks.add(new Check("registry", served, served ? ref.registry() + " serves " + ref.digest()
                : ref.registry() + " does not serve " + ref.digest()));
        return new VerifyResult(ref, provenance, checks);
    }

    /** Checks the signed provenance the registry holds for {@code ref} (the provenance path of the result is null). */
    VerifyResult verifyAttestation(ImageRef ref, String publicKeyPem, String builderId) throws ReleaseException {
        java.security.PublicKey key;
        try {
            key = io.jenkins.plugins.immutable.engine.api.SigningKeys.readPublicKey(publicKeyPem);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("publicKey", e.getMessage());
        }
        var credentials = auth.resolve(ref.registry(), null);
        var envelopes = new io.jenkins.plugins.immutable.engine.signing.AttestationStore(registry).fetch(ref, credentials);
        List<Check> checks = new ArrayList<>(io.jenkins.plugins.immutable.engine.signing.AttestationCheck.run(ref, envelopes, key,
                builderId == null || builderId.isBlank() ? null : builderId.strip()));
        boolean served = registry.serves(ref, credentials);
        checks.add(new Check("registry", served, served ? ref.registry() + " serves " + ref.digest()
                : ref.registry() + " does not serve " + ref.digest()));
        return new VerifyResult(ref, null, checks);
    }
}
