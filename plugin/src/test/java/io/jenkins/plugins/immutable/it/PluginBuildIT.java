package io.jenkins.plugins.immutable.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.BuildOperation;
import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.agent.BuildSpec;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.InputDigestOperation;
import io.jenkins.plugins.immutable.agent.PriorReleaseSpec;
import io.jenkins.plugins.immutable.agent.RegistryLogin;
import io.jenkins.plugins.immutable.agent.SecretBuildArgValues;
import io.jenkins.plugins.immutable.agent.SigningKey;
import io.jenkins.plugins.immutable.engine.api.SigningKeys;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import io.jenkins.plugins.immutable.testing.CapturingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * immutableBuild's agent side against the real Docker daemon and registry: the callable exactly as the step sends
 * it to an agent, {@code invoke(workspace, null)}, with a build log captured by the test.
 */
class PluginBuildIT {

    private static final String BUILD_1 = "https://jenkins.example.com/job/app/1/";
    private static final String BUILD_2 = "https://jenkins.example.com/job/app/2/";

    private final TestServices services = TestServices.get();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path root;
    Path workspace;
    String repository;

    @BeforeEach
    void workspaceWithTheSampleApp() throws Exception {
        workspace = SampleApp.write(root.resolve("ws"), "v1 " + UUID.randomUUID());
        repository = services.registry() + "/plugin-it/" + ItSupport.unique("app");
    }

    private AgentSettings settings(String stateFolder) {
        return new AgentSettings(root.resolve(stateFolder).toString(), services.dockerHost());
    }

    private BuildSpec spec(String builderId, String invocationId) {
        return BuildSpec.builder().image(repository).context(".").dockerfile("Dockerfile")
                .source("https://git.example.com/app.git", "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432")
                .invocation(builderId, invocationId).outputKey(UUID.randomUUID().toString()).build();
    }

    private BuildOutcome build(BuildSpec spec, AgentSettings settings, RegistryLogin login, List<PriorReleaseSpec> priors,
            CapturingListener log) throws Exception {
        return new EngineCallable<>(settings, log, new BuildOperation(spec, login, priors)).invoke(workspace.toFile(), null);
    }

    @Test
    void aBuildPushesRecordsAndWritesItsReleaseFilesBesideTheWorkspace() throws Exception {
        CapturingListener log = new CapturingListener();
        BuildSpec spec = spec(BUILD_1, "app#1");

        BuildOutcome outcome = build(spec, settings("state"), null, List.of(), log);

        assertThat(outcome.reused()).isFalse();
        assertThat(outcome.ref()).startsWith(repository + "@sha256:").endsWith(outcome.digest());
        assertThat(outcome.releaseId()).startsWith("rel-");
        assertThat(outcome.inputDigest()).startsWith("sha256:");
        assertThat(outcome.builderId()).isEqualTo(BUILD_1);
        assertThat(outcome.sourceRevision()).isEqualTo("9f8e7d6c5b4a39281706f5e4d3c2b1a098765432");
        assertThat(Path.of(outcome.outputDir())).isEqualTo(spec.outputDir(workspace));
        Path release = Path.of(outcome.outputDir(), outcome.releaseFileName());
        Path provenance = Path.of(outcome.outputDir(), outcome.provenanceFileName());
        assertThat(release).isRegularFile();
        assertThat(Files.readString(release)).contains(outcome.digest());
        JsonNode statement = json.readTree(provenance.toFile());
        assertThat(statement.path("subject").path(0).path("digest").path("sha256").asText()).isEqualTo(outcome.digest().substring(7));
        assertThat(statement.path("predicate").path("runDetails").path("builder").path("id").asText()).isEqualTo(BUILD_1);
        assertThat(statement.path("predicate").path("runDetails").path("metadata").path("invocationId").asText()).isEqualTo("app#1");
        // Nothing of the plugin's was written into the build context.
        try (var files = Files.list(workspace)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("Dockerfile", "busybox", "www");
        }
        assertThat(log.text()).isNotBlank();
        // The input digest the step computes first is the one the build records.
        String inputDigest = new EngineCallable<>(settings("state"), log, new InputDigestOperation(spec)).invoke(workspace.toFile(), null);
        assertThat(inputDigest).isEqualTo(outcome.inputDigest());
    }

    @Test
    void theSameInputsWithTheFirstReleaseOfferedAsPriorAreReusedNotRebuilt() throws Exception {
        BuildOutcome first = build(spec(BUILD_1, "app#1"), settings("state-1"), null, List.of(), new CapturingListener());
        ReleaseAction build1 = new ReleaseAction();
        RecordedRelease recorded = build1.recordRelease(first, System.currentTimeMillis());
        String provenance = Files.readString(Path.of(first.outputDir(), first.provenanceFileName()));
        PriorReleaseSpec prior = new PriorReleaseSpec(recorded.getReleaseId(), recorded.getApp(), recorded.getRef(),
                recorded.getInputDigest(), recorded.getSourceUri(), recorded.getSourceRevision(), recorded.getCreatedMillis(),
                recorded.getBuilderId(), provenance);

        // Another agent (a fresh state folder): only what the job's build records offer can make it reuse.
        CapturingListener log = new CapturingListener();
        BuildOutcome second = build(spec(BUILD_2, "app#2"), settings("state-2"), null, List.of(prior), log);

        assertThat(second.reused()).isTrue();
        assertThat(second.ref()).isEqualTo(first.ref());
        assertThat(second.releaseId()).isEqualTo(first.releaseId());
        assertThat(second.inputDigest()).isEqualTo(first.inputDigest());
        assertThat(second.builderId()).as("a reused release keeps the provenance of the build that made it").isEqualTo(BUILD_1);
        assertThat(Files.readString(Path.of(second.outputDir(), second.provenanceFileName()))).contains(BUILD_1);
    }

    @Test
    void aPasswordGivenThroughCredentialsNeverReachesTheLogOrTheFiles() throws Exception {
        String password = "pw-" + UUID.randomUUID();
        CapturingListener log = new CapturingListener();

        BuildOutcome outcome = build(spec(BUILD_1, "app#1"), settings("state"), new RegistryLogin("ci-user", password), List.of(), log);

        assertThat(outcome.digest()).startsWith("sha256:");
        assertThat(log.text()).isNotBlank().doesNotContain(password);
        assertThat(Files.readString(Path.of(outcome.outputDir(), outcome.releaseFileName()))).doesNotContain(password);
        assertThat(Files.readString(Path.of(outcome.outputDir(), outcome.provenanceFileName()))).doesNotContain(password);
        try (var state = Files.walk(root.resolve("state"))) {
            for (Path file : state.filter(Files::isRegularFile).toList()) {
                // ledger.db is binary; its text columns are stored as UTF-8, which ISO-8859-1 reads byte for byte.
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(password);
            }
        }
    }

    @Test
    void aSigningKeyFromCredentialsSignsAndLeavesNoKeyFileLogLineOrRecord() throws Exception {
        SigningKeys.Generated keys = SigningKeys.generate(root.resolve("keys"));
        String privatePem = Files.readString(keys.privateKey());
        List<String> keyLines = privatePem.lines().filter(l -> !l.startsWith("-----")).toList();
        CapturingListener log = new CapturingListener();
        BuildSpec spec = spec(BUILD_1, "app#1");

        BuildOutcome outcome = new EngineCallable<>(settings("state"), log, new BuildOperation(spec, null, List.of(),
                SecretBuildArgValues.NONE, new SigningKey(privatePem.getBytes(StandardCharsets.US_ASCII)))).invoke(workspace.toFile(), null);

        assertThat(outcome.keyId()).isEqualTo(keys.keyId());
        RecordedRelease recorded = new ReleaseAction().recordRelease(outcome, 1L);
        assertThat(recorded.getSignatureLabel()).isEqualTo("signed by " + keys.keyId());
        Path scratch = spec.outputDir(workspace).getParent();
        try (var left = Files.list(scratch)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the key file is gone").noneMatch(n -> n.startsWith("signing-"));
        }
        List<Path> files = new java.util.ArrayList<>();
        for (Path folder : List.of(root.resolve("state"), scratch)) {
            try (var walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        for (String line : keyLines) {
            assertThat(log.text()).doesNotContain(line);
            for (Path file : files) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(line);
            }
        }
    }
}
