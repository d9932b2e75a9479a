package io.jenkins.plugins.immutable.engine.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.provenance.ProvenanceStatement;
import io.jenkins.plugins.immutable.engine.registry.RegistryClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * cosign's attestation layout (sigstore/cosign pkg/oci/static, cmd/cosign/cli/attest): the tag
 * {@code sha256-<hex>.att} names an OCI image manifest whose layers are DSSE envelopes
 * ({@code application/vnd.dsse.envelope.v1+json}) annotated with {@code dev.cosignproject.cosign/signature: ""} (the
 * signature is inside the envelope) and {@code predicateType}; its config is the minimal image config cosign writes.
 */
public final class AttestationLayout {

    public static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    public static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
    public static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
    public static final String PREDICATE_ANNOTATION = "predicateType";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttestationLayout() {
    }

    /** The tag cosign stores an image's attestations under. */
    public static String tag(Digest image) {
        return image.value().replace(':', '-') + ".att";
    }

    /** The image config cosign writes for a signature image: empty but for the layer's diff id. */
    static byte[] config(Digest layer) {
        return ("{\"architecture\":\"\",\"created\":\"0001-01-01T00:00:00Z\",\"history\":[{\"created\":\"0001-01-01T00:00:00Z\"}],"
                + "\"os\":\"\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layer.value() + "\"]},\"config\":{}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The manifest holding one envelope. With {@code subject} (an OCI 1.1 referrer) it also names the image it
     * attests and its artifact type; cosign's tag form has neither.
     */
    static byte[] manifest(byte[] config, byte[] envelope, Digest subject, long subjectSize, String subjectType) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", MANIFEST_TYPE);
        if (subject != null) {
            root.put("artifactType", Envelope.MEDIA_TYPE);
        }
        root.putObject("config").put("mediaType", CONFIG_TYPE).put("size", config.length)
                .put("digest", RegistryClient.digestOf(config).value());
        ObjectNode layer = root.putArray("layers").addObject();
        layer.put("mediaType", Envelope.MEDIA_TYPE).put("size", envelope.length).put("digest", RegistryClient.digestOf(envelope).value());
        layer.putObject("annotations").put(SIGNATURE_ANNOTATION, "").put(PREDICATE_ANNOTATION, ProvenanceStatement.PREDICATE_TYPE);
        if (subject != null) {
            root.putObject("subject").put("mediaType", subjectType).put("size", subjectSize).put("digest", subject.value());
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The digests of a manifest's DSSE envelope layers. */
    static List<Digest> envelopeLayers(byte[] manifest) {
        List<Digest> layers = new ArrayList<>();
        try {
            for (JsonNode layer : JSON.readTree(manifest).path("layers")) {
                if (Envelope.MEDIA_TYPE.equals(layer.path("mediaType").asText())) {
                    layers.add(Digest.parse(layer.path("digest").asText()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable manifest holds no envelope we can check
        }
        return layers;
    }
}
