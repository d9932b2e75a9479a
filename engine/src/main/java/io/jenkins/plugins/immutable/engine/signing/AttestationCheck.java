package io.jenkins.plugins.immutable.engine.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.SigningKeys;
import io.jenkins.plugins.immutable.engine.api.VerifyResult.Check;
import io.jenkins.plugins.immutable.engine.provenance.ProvenanceStatement;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the signed provenance found for an image: that an envelope is there, that a signature over its
 * pre-authentication encoding verifies with the given key, that it carries an in-toto statement whose subject is the
 * image's digest with the SLSA v1 predicate type, and (when asked) the builder id. Of several envelopes, the first
 * that passes every check counts; when none does, the one that passed most is reported.
 */
public final class AttestationCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttestationCheck() {
    }

    public static List<Check> run(ImageRef image, List<byte[]> envelopes, PublicKey key, String builderId) {
        String where = image.registry() + "/" + image.path() + ":" + AttestationLayout.tag(image.digest());
        if (envelopes.isEmpty()) {
            return List.of(new Check("attestation", false, "no signed provenance in the registry at " + where));
        }
        List<Check> best = null;
        for (byte[] envelope : envelopes) {
            List<Check> checks = new ArrayList<>();
            checks.add(new Check("attestation", true, "DSSE envelope at " + where));
            checks.addAll(one(image, envelope, key, builderId));
            if (checks.stream().allMatch(Check::passed)) {
                return checks;
            }
            if (best == null || passes(checks) > passes(best)) {
                best = checks;
            }
        }
        return best;
    }

    private static long passes(List<Check> checks) {
        return checks.stream().filter(Check::passed).count();
    }

    private static List<Check> one(ImageRef image, byte[] json, PublicKey key, String builderId) {
        List<Check> checks = new ArrayList<>();
        Envelope envelope;
        try {
            envelope = Envelope.parse(json);
        } catch (IllegalArgumentException e) {
            checks.add(new Check("signature", false, e.getMessage()));
            return checks;
        }
        String keyId = SigningKeys.keyId(key);
        boolean signed = envelope.signedBy(key);
        checks.add(new Check("signature", signed, signed ? "ECDSA P-256 signature by " + keyId
                : "no signature verifies with " + keyId + " (the envelope names " + String.join(", ", envelope.keyIds())
                        + "): signed by another key, or the payload was changed after signing"));
        boolean inToto = Envelope.IN_TOTO.equals(envelope.payloadType());
        checks.add(new Check("payload type", inToto, envelope.payloadType()));
        JsonNode statement;
        try {
            statement = JSON.readTree(envelope.payload());
        } catch (IOException e) {
            checks.add(new Check("statement", false, "the payload is not JSON"));
            return checks;
        }
        String wanted = image.digest().value().substring("sha256:".length());
        List<String> subjects = new ArrayList<>();
        statement.path("subject").forEach(s -> subjects.add("sha256:" + s.path("digest").path("sha256").asText()));
        boolean same = subjects.contains("sha256:" + wanted);
        checks.add(new Check("subject digest", same, same ? "subject is " + image.digest()
                : "subject is " + (subjects.isEmpty() ? "missing" : String.join(", ", subjects)) + ", the reference names "
                        + image.digest() + " (an attestation of another image)"));
        String predicateType = statement.path("predicateType").asText("");
        boolean slsa = ProvenanceStatement.PREDICATE_TYPE.equals(predicateType);
        checks.add(new Check("predicate type", slsa, slsa ? predicateType
                : "'" + predicateType + "', expected " + ProvenanceStatement.PREDICATE_TYPE));
        String builder = statement.path("predicate").path("runDetails").path("builder").path("id").asText("");
        boolean builderOk = builderId == null || builderId.equals(builder);
        checks.add(new Check("builder id", builderOk, builderOk ? builder + (builderId == null ? " (any builder accepted)" : "")
                : "'" + builder + "', expected '" + builderId + "'"));
        return checks;
    }
}
