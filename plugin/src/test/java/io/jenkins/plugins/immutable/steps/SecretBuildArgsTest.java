package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thoughtworks.xstream.XStream;
import hudson.AbortException;
import io.jenkins.plugins.immutable.agent.BuildOperation;
import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.agent.BuildSpec;
import io.jenkins.plugins.immutable.agent.SecretBuildArgValues;
import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import io.jenkins.plugins.immutable.testing.FakeEngine;
import io.jenkins.plugins.immutable.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code secretBuildArgs}: credentials ids → values for the engine only; the build record holds no secret. */
class SecretBuildArgsTest {

    private static final String URL_TOKEN = "ghp_urlTokenValue1234";
    private static final String NPM_TOKEN = "npm_secretTextValue5678";
    private static final String DB_PASSWORD = "db-password-value-9012";
    private static final Map<String, String> CREDENTIALS = Map.of("npm-token", NPM_TOKEN);

    @TempDir
    Path workspace;

    @Test
    void valuesComeFromSecretTextCredentialsByIdAndProblemsNameEachEntry() throws Exception {
        SecretBuildArgValues values = SecretBuildArgsLookup.resolve(List.of(new SecretBuildArg("NPM_TOKEN", "npm-token")),
                CREDENTIALS::get);
        assertThat(values.toString()).isEqualTo("SecretBuildArgValues[NPM_TOKEN] (values hidden)");

        assertThatThrownBy(() -> SecretBuildArgsLookup.resolve(List.of(
                new SecretBuildArg("A", "missing"), new SecretBuildArg("", "npm-token"), new SecretBuildArg("B", " "),
                new SecretBuildArg("C", "npm-token"), new SecretBuildArg("C", "npm-token")), CREDENTIALS::get))
                .isInstanceOf(AbortException.class)
                .hasMessage("""
                        secretBuildArgs: no Secret text credentials with id 'missing' (for 'A') are available to this build: \
                        add them to the credentials store (kind 'Secret text') or fix the id
                        secretBuildArgs: an entry has no name: expected [name: 'NPM_TOKEN', credentialsId: '…']
                        secretBuildArgs: 'B' has no credentialsId: expected the id of Secret text credentials
                        secretBuildArgs: 'C' is given twice: give it once""")
                .message().doesNotContain(NPM_TOKEN);
    }

    @Test
    void theStepKeepsOnlyCredentialsIdsAndTheEngineGetsTheValues() throws Exception {
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");
        ImmutableBuildStep step = step();
        SecretBuildArgValues secrets = SecretBuildArgsLookup.resolve(step.getSecretBuildArgs(), CREDENTIALS::get);
        BuildSpec spec = spec(step);

        BuildRequest request = spec.toRequest(workspace, null, List.of(), secrets);

        assertThat(request.secretBuildArgs()).containsExactly(Map.entry("NPM_TOKEN", NPM_TOKEN));
        assertThat(request.buildArgs()).containsEntry("DB_PASSWORD", DB_PASSWORD).doesNotContainKey("NPM_TOKEN");
        assertThat(request.sourceUri()).isEqualTo("https://github.com/o/r.git");
        assertThat(new XStream().toXML(step)).contains("npm-token").doesNotContain(NPM_TOKEN);
    }

    @Test
    void theBuildRecordOfABuildWithSecretsHoldsNoneOfThem() throws Exception {
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");
        ImmutableBuildStep step = step();
        SecretBuildArgValues secrets = SecretBuildArgsLookup.resolve(step.getSecretBuildArgs(), CREDENTIALS::get);
        FakeEngine engine = new FakeEngine();
        // An engine answering with the caller's URI as given: the record must still not carry its token.
        Release given = Samples.release('a', 'f');
        Release release = new Release(given.id(), given.app(), given.ref(), given.inputDigest(),
                "https://user:" + URL_TOKEN + "@github.com/o/r.git", given.sourceRevision(), given.created(), given.builderId());
        engine.buildResult = new BuildResult(release, false, workspace.resolve("out/release.json"),
                workspace.resolve("out/provenance.intoto.json"), Samples.provenance(given.builderId(), "0123abc"));

        BuildOutcome outcome = new BuildOperation(spec(step), null, List.of(), secrets).run(engine, workspace);
        ReleaseAction action = new ReleaseAction();
        RecordedRelease recorded = action.recordRelease(outcome, 1_000L);

        assertThat(recorded.getSourceUri()).isEqualTo("https://github.com/o/r.git");
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.immutable.**"});
        String record = xstream.toXML(action) + xstream.toXML(outcome);
        assertThat(record).contains("github.com/o/r.git", recorded.getReleaseId());
        for (String secret : List.of(URL_TOKEN, NPM_TOKEN, DB_PASSWORD)) {
            assertThat(record).as(secret).doesNotContain(secret);
        }
    }

    private static ImmutableBuildStep step() {
        ImmutableBuildStep step = new ImmutableBuildStep(Samples.REPO);
        step.setBuildArgs(List.of(new BuildArg("DB_PASSWORD", DB_PASSWORD), new BuildArg("VERSION", "1")));
        step.setSecretBuildArgs(List.of(new SecretBuildArg("NPM_TOKEN", "npm-token")));
        return step;
    }

    private static BuildSpec spec(ImmutableBuildStep step) {
        return step.toSpec(Map.of("GIT_URL", "https://user:" + URL_TOKEN + "@github.com/o/r.git", "GIT_COMMIT", "0123abc"),
                "https://jenkins.example.com/job/app/41/", "app#41", "key1");
    }
}
