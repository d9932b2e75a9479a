package io.jenkins.plugins.immutable.engine.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE envelope: {@code {"payloadType", "payload": base64, "signatures": [{"keyid", "sig": base64}]}}. Signatures
 * are ECDSA P-256 over SHA-256 of the {@link Pae}, DER-encoded, as cosign and openssl make and read them.
 */
public record Envelope(String payloadType, byte[] payload, List<Sig> signatures) {

    public static final String IN_TOTO = "application/vnd.in-toto+json";
    public static final String MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Envelope {
        signatures = List.copyOf(signatures);
    }

    /** One signature and the id of the key that made it. */
    public record Sig(String keyId, byte[] der) {
    }

    /** Signs an in-toto statement. */
    public static Envelope sign(byte[] statement, PrivateKey key, String keyId) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(Pae.encode(IN_TOTO, statement));
            return new Envelope(IN_TOTO, statement, List.of(new Sig(keyId, signer.sign())));
        } catch (GeneralSecurityException e) {
            // The key was checked to be EC P-256 when it was read; nothing of it goes into the message.
            throw new IllegalStateException("signing with an EC P-256 key failed: " + e.getClass().getSimpleName());
        }
    }

    /** Whether any signature verifies with {@code key}. */
    public boolean signedBy(PublicKey key) {
        byte[] pae = Pae.encode(payloadType, payload);
        for (Sig sig : signatures) {
            try {
                Signature verifier = Signature.getInstance("SHA256withECDSA");
                verifier.initVerify(key);
                verifier.update(pae);
                if (verifier.verify(sig.der())) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature verifies nothing
            }
        }
        return false;
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("payloadType", payloadType);
        root.put("payload", Base64.getEncoder().encodeToString(payload));
        var sigs = root.putArray("signatures");
        for (Sig sig : signatures) {
            sigs.addObject().put("keyid", sig.keyId() == null ? "" : sig.keyId()).put("sig", Base64.getEncoder().encodeToString(sig.der()));
        }
        return (root.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an envelope; {@link IllegalArgumentException} says what is wrong with it. */
    public static Envelope parse(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.path("payloadType").isTextual() || !root.path("payload").isTextual()) {
                throw new IllegalArgumentException("not a DSSE envelope: no payloadType or payload");
            }
            List<Sig> sigs = new ArrayList<>();
            for (JsonNode sig : root.path("signatures")) {
                sigs.add(new Sig(sig.path("keyid").asText(""), Base64.getDecoder().decode(sig.path("sig").asText(""))));
            }
            return new Envelope(root.get("payloadType").asText(), Base64.getDecoder().decode(root.get("payload").asText()), sigs);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a DSSE envelope: not JSON");
        }
    }

    /** The key ids the signatures name. */
    public List<String> keyIds() {
        return signatures.stream().map(Sig::keyId).toList();
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
