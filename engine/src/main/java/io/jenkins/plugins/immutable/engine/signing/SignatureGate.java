package io.jenkins.plugins.immutable.engine.signing;

import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.api.SigningKeys;
import io.jenkins.plugins.immutable.engine.api.VerifyResult.Check;
import java.security.PublicKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An environment's signature policy, applied once a deploy or rollback knows its release and before anything starts
 * or switches: with {@code requireSignature}, the release's provenance in the registry must pass every
 * {@link AttestationCheck} with the environment's public key.
 */
public final class SignatureGate {

    private final AttestationStore store;

    public SignatureGate(AttestationStore store) {
        this.store = store;
    }

    /**
     * @param operation what is refused, such as "deploy rel-… to staging"
     * @param traffic   where traffic is, for the message that says it did not move
     * @return a line for the log when the policy held, or {@code null} when the environment requires no signature
     * @throws ReleaseException (failed safely) naming every failed check
     */
    public String require(EnvironmentSettings settings, ImageRef image, RegistryCredentials credentials, String operation,
            String traffic) throws ReleaseException {
        if (!settings.requireSignature()) {
            return null;
        }
        PublicKey key = SigningKeys.readPublicKey(settings.publicKey());
        List<Check> checks = AttestationCheck.run(image, store.fetch(image, credentials), key, null);
        List<Check> failed = checks.stream().filter(c -> !c.passed()).toList();
        if (!failed.isEmpty()) {
            throw new ReleaseException(Kind.FAILED_SAFELY, "Refused to " + operation + ": the environment requires provenance"
                    + " signed by " + SigningKeys.keyId(key) + " and " + failed.stream().map(c -> c.name() + " failed: " + c.detail())
                            .collect(Collectors.joining("; ")) + ". Traffic did not move: " + traffic + "; nothing was started."
                    + " Sign the release (build --sign-key), or remove the requirement with --no-require-signature.");
        }
        return "Signature verified: " + image.digest() + " carries SLSA provenance signed by " + SigningKeys.keyId(key) + ".";
    }
}
