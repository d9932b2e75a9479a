package io.jenkins.plugins.immutable.engine.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.provenance.ProvenanceStatement.Facts;
import io.jenkins.plugins.immutable.engine.provenance.ProvenanceStatement.ResolvedBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceStatementTest {

    private static final String IMAGE_HEX = "1111111111111111111111111111111111111111111111111111111111111111";
    private static final String INPUT_HEX = "2222222222222222222222222222222222222222222222222222222222222222";
    private static final String BASE_HEX = "3333333333333333333333333333333333333333333333333333333333333333";
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private final Facts facts = new Facts(ImageRef.parse("127.0.0.1:5000/team/app@sha256:" + IMAGE_HEX),
            Digest.parse("sha256:" + INPUT_HEX), "app", "app/Dockerfile", Map.of("VERSION", "1"), Map.of(), "runtime",
            "https://example.com/app.git", COMMIT, List.of(new ResolvedBase("debian:12", Digest.parse("sha256:" + BASE_HEX))),
            "https://ci.example.com/job/app/41/", "app#41", Instant.parse("2026-11-23T10:00:00Z"),
            Instant.parse("2026-11-23T10:01:00Z"));

    @Test
    void statementHasTheFieldsSlsaV1Defines() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ProvenanceStatement.render(facts));
        assertThat(root.path("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(root.path("predicateType").asText()).isEqualTo("https://slsa.dev/provenance/v1");
        assertThat(root.path("subject").get(0).path("name").asText()).isEqualTo("127.0.0.1:5000/team/app");
        assertThat(root.path("subject").get(0).path("digest").path("sha256").asText()).isEqualTo(IMAGE_HEX);
        JsonNode definition = root.path("predicate").path("buildDefinition");
        assertThat(definition.path("buildType").asText()).isEqualTo(ProvenanceStatement.BUILD_TYPE);
        JsonNode external = definition.path("externalParameters");
        assertThat(external.path("context").asText()).isEqualTo("app");
        assertThat(external.path("dockerfile").asText()).isEqualTo("app/Dockerfile");
        assertThat(external.path("buildArgs").path("VERSION").asText()).isEqualTo("1");
        assertThat(external.path("target").asText()).isEqualTo("runtime");
        assertThat(external.path("source").path("revision").asText()).isEqualTo(COMMIT);
        JsonNode deps = definition.path("resolvedDependencies");
        assertThat(deps).hasSize(3);
        assertThat(deps.get(0).path("digest").path("gitCommit").asText()).isEqualTo(COMMIT);
        assertThat(deps.get(1).path("name").asText()).isEqualTo("build-inputs");
        assertThat(deps.get(1).path("digest").path("sha256").asText()).isEqualTo(INPUT_HEX);
        assertThat(deps.get(2).path("uri").asText()).isEqualTo("pkg:docker/debian:12");
        assertThat(deps.get(2).path("digest").path("sha256").asText()).isEqualTo(BASE_HEX);
        JsonNode run = root.path("predicate").path("runDetails");
        assertThat(run.path("builder").path("id").asText()).isEqualTo("https://ci.example.com/job/app/41/");
        assertThat(run.path("metadata").path("invocationId").asText()).isEqualTo("app#41");
        assertThat(run.path("metadata").path("startedOn").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(run.path("metadata").path("finishedOn").asText()).isEqualTo("2026-11-23T10:01:00Z");
    }

    @Test
    void readBackGivesTheSummary() {
        ProvenanceStatement.Summary summary = ProvenanceStatement.read(ProvenanceStatement.render(facts));
        assertThat(summary.subjectDigest().hex()).isEqualTo(IMAGE_HEX);
        assertThat(summary.inputDigest().hex()).isEqualTo(INPUT_HEX);
        assertThat(summary.builderId()).isEqualTo("https://ci.example.com/job/app/41/");
        assertThat(summary.sourceRevision()).isEqualTo(COMMIT);
    }

    @Test
    void readingSaysWhatIsWrong() {
        assertThatThrownBy(() -> ProvenanceStatement.read("{")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ProvenanceStatement.read("{\"_type\":\"x\"}")).hasMessageContaining("_type is not");
        String noDigest = ProvenanceStatement.render(facts).replace(IMAGE_HEX, "nothex");
        assertThatThrownBy(() -> ProvenanceStatement.read(noDigest)).hasMessageContaining("subject[0].digest.sha256");
    }

    @Test
    void secretBuildArgsAppearByNameAndHashOnly() throws Exception {
        Facts withSecret = new Facts(facts.subject(), facts.inputDigest(), "app", "Dockerfile", Map.of("VERSION", "1"),
                SecretArgs.sha256Hex(Map.of("NPM_RC", "hunter2")), null, "https://example.com/app.git", COMMIT, List.of(),
                "cli@host", "id", Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T10:01:00Z"));
        String json = ProvenanceStatement.render(withSecret);
        JsonNode external = new ObjectMapper().readTree(json).path("predicate").path("buildDefinition").path("externalParameters");
        assertThat(external.path("secretBuildArgs").path("NPM_RC").path("sha256").asText())
                .isEqualTo("f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7");
        assertThat(external.path("buildArgs").has("NPM_RC")).isFalse();
        assertThat(json).doesNotContain("hunter2");
        assertThat(new ObjectMapper().readTree(ProvenanceStatement.render(facts)).path("predicate").path("buildDefinition")
                .path("externalParameters").has("secretBuildArgs")).as("absent when none was given").isFalse();
    }
}
