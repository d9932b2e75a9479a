package io.jenkins.plugins.immutable.engine.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An in-toto Statement v1 carrying a SLSA Provenance v1 predicate for one image: what was built (the subject, by
 * digest), from what (external parameters, resolved dependencies) and by whom, when (run details).
 */
public final class ProvenanceStatement {

    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";
    public static final String BUILD_TYPE = "https://github.com/jenkinsci/immutable-release-plugin/buildtypes/docker-build/v1";
    /** The name under which the input digest appears among the resolved dependencies. */
    public static final String INPUTS_DEPENDENCY = "build-inputs";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProvenanceStatement() {
    }

    /** A base image and the digest it resolved to. */
    public record ResolvedBase(String image, Digest digest) {
    }

    /**
     * What a build knows about itself. {@code buildArgs} must already be redacted (see {@link SecretArgs});
     * {@code secretBuildArgs} maps each secret build argument's name to the hex SHA-256 of its value
     * ({@link SecretArgs#sha256Hex}), and {@code sourceUri} holds no user info.
     */
    public record Facts(ImageRef subject, Digest inputDigest, String context, String dockerfile, Map<String, String> buildArgs,
            Map<String, String> secretBuildArgs, String target, String sourceUri, String sourceRevision, List<ResolvedBase> baseImages, String builderId,
            String invocationId, Instant startedOn, Instant finishedOn) {
    }

    /** The statement as pretty-printed JSON. */
    public static String render(Facts facts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("_type", STATEMENT_TYPE);
        ObjectNode subject = root.putArray("subject").addObject();
        subject.put("name", facts.subject().repository());
        subject.putObject("digest").put("sha256", facts.subject().digest().hex());
        root.put("predicateType", PREDICATE_TYPE);

        ObjectNode predicate = root.putObject("predicate");
        ObjectNode definition = predicate.putObject("buildDefinition");
        definition.put("buildType", BUILD_TYPE);
        ObjectNode external = definition.putObject("externalParameters");
        external.put("context", facts.context());
        external.put("dockerfile", facts.dockerfile());
        ObjectNode args = external.putObject("buildArgs");
        facts.buildArgs().forEach(args::put);
        if (!facts.secretBuildArgs().isEmpty()) {
            // That it was given, and the hash the input digest covers: never the value.
            ObjectNode secrets = external.putObject("secretBuildArgs");
            new java.util.TreeMap<>(facts.secretBuildArgs()).forEach((name, hex) -> secrets.putObject(name).put("sha256", hex));
        }
        external.put("target", facts.target());
        ObjectNode source = external.putObject("source");
        source.put("uri", facts.sourceUri());
        source.put("revision", facts.sourceRevision());
        resolvedDependencies(definition.putArray("resolvedDependencies"), facts);

        ObjectNode run = predicate.putObject("runDetails");
        run.putObject("builder").put("id", facts.builderId());
        ObjectNode metadata = run.putObject("metadata");
        metadata.put("invocationId", facts.invocationId());
        metadata.put("startedOn", facts.startedOn().toString());
        metadata.put("finishedOn", facts.finishedOn().toString());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static void resolvedDependencies(ArrayNode deps, Facts facts) {
        if (facts.sourceRevision() != null) {
            ObjectNode source = deps.addObject();
            source.put("name", "source");
            if (facts.sourceUri() != null) {
                source.put("uri", facts.sourceUri());
            }
            if (facts.sourceRevision().matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
                source.putObject("digest").put("gitCommit", facts.sourceRevision());
            } else {
                source.putObject("annotations").put("revision", facts.sourceRevision());
            }
        }
        ObjectNode inputs = deps.addObject();
        inputs.put("name", INPUTS_DEPENDENCY);
        inputs.putObject("digest").put("sha256", facts.inputDigest().hex());
        inputs.putObject("annotations").put("covers", facts.secretBuildArgs().isEmpty()
                ? "build context after .dockerignore, Dockerfile, build args, target"
                : "build context after .dockerignore, Dockerfile, build args, target, sha256 of each secret build arg");
        for (ResolvedBase base : facts.baseImages()) {
            ObjectNode dep = deps.addObject();
            dep.put("name", base.image());
            dep.put("uri", "pkg:docker/" + base.image());
            if (base.digest() != null) {
                dep.putObject("digest").put("sha256", base.digest().hex());
            }
        }
    }

    /** The facts a reader of a statement checks. */
    public record Summary(String subjectName, Digest subjectDigest, Digest inputDigest, String builderId, String invocationId,
            String sourceRevision, String startedOn, String finishedOn) {
    }

    /**
     * Reads a statement back.
     *
     * @throws IllegalArgumentException saying which field is missing or wrong
     */
    public static Summary read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !STATEMENT_TYPE.equals(root.path("_type").asText())) {
            throw new IllegalArgumentException("_type is not " + STATEMENT_TYPE);
        }
        if (!PREDICATE_TYPE.equals(root.path("predicateType").asText())) {
            throw new IllegalArgumentException("predicateType is not " + PREDICATE_TYPE);
        }
        JsonNode subject = root.path("subject").path(0);
        String hex = subject.path("digest").path("sha256").asText("");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("subject[0].digest.sha256 is missing or not 64 lowercase hex digits");
        }
        Digest inputDigest = null;
        for (JsonNode dep : root.path("predicate").path("buildDefinition").path("resolvedDependencies")) {
            if (INPUTS_DEPENDENCY.equals(dep.path("name").asText())) {
                inputDigest = Digest.parse("sha256:" + dep.path("digest").path("sha256").asText());
            }
        }
        JsonNode run = root.path("predicate").path("runDetails");
        return new Summary(subject.path("name").asText(null), Digest.parse("sha256:" + hex), inputDigest,
                run.path("builder").path("id").asText(null), run.path("metadata").path("invocationId").asText(null),
                root.path("predicate").path("buildDefinition").path("externalParameters").path("source").path("revision").asText(null),
                run.path("metadata").path("startedOn").asText(null), run.path("metadata").path("finishedOn").asText(null));
    }
}
