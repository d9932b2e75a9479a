package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.BuildSpec;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.InputDigestOperation;
import io.jenkins.plugins.immutable.agent.PriorReleaseSpec;
import io.jenkins.plugins.immutable.agent.RegistryLogin;
import io.jenkins.plugins.immutable.agent.ReleaseFailure;
import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.testing.FakeEngine;
import io.jenkins.plugins.immutable.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** immutableBuild's parameters → the engine's BuildRequest, and bad parameters → messages naming them. */
class BuildStepTranslationTest {

    private static final Map<String, String> CHECKOUT_ENV = Map.of(
            "GIT_URL", "https://git.example.com/app.git", "GIT_COMMIT", "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432");

    @TempDir
    Path root;
    Path workspace;

    @BeforeEach
    void workspaceWithDockerfile() throws Exception {
        workspace = Files.createDirectories(root.resolve("ws"));
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");
    }

    private static BuildSpec spec(ImmutableBuildStep step, Map<String, String> env) {
        return step.toSpec(env, "https://jenkins.example.com/job/app/41/", "app#41", "key1");
    }

    @Test
    void defaultsBuildTheWorkspaceWithItsDockerfileAndTakeTheSourceFromTheCheckout() throws Exception {
        ImmutableBuildStep step = new ImmutableBuildStep(Samples.REPO);
        BuildRequest request = spec(step, CHECKOUT_ENV).toRequest(workspace, null, List.of());

        assertThat(request.image().repository()).isEqualTo(Samples.REPO);
        assertThat(request.context()).isEqualTo(workspace.toAbsolutePath().normalize());
        assertThat(request.dockerfile()).isEqualTo(workspace.resolve("Dockerfile").toAbsolutePath().normalize());
        assertThat(request.buildArgs()).isEmpty();
        assertThat(request.target()).isNull();
        assertThat(request.rebuild()).isFalse();
        assertThat(request.sourceUri()).isEqualTo("https://git.example.com/app.git");
        assertThat(request.sourceRevision()).isEqualTo("9f8e7d6c5b4a39281706f5e4d3c2b1a098765432");
        assertThat(request.builderId()).isEqualTo("https://jenkins.example.com/job/app/41/");
        assertThat(request.invocationId()).isEqualTo("app#41");
        assertThat(request.credentials()).isNull();
        assertThat(request.priorReleases()).isEmpty();
    }

    @Test
    void releaseFilesGoBesideTheWorkspaceNeverIntoTheBuildContext() throws Exception {
        BuildRequest request = spec(new ImmutableBuildStep(Samples.REPO), Map.of()).toRequest(workspace, null, List.of());

        assertThat(request.outputDir()).isEqualTo(root.resolve("ws@tmp/immutable-release/key1").toAbsolutePath().normalize());
        assertThat(request.outputDir().startsWith(request.context())).isFalse();
    }

    @Test
    void givenParametersWinOverTheCheckoutAndReachTheRequest() throws Exception {
        Files.createDirectories(workspace.resolve("app/docker"));
        Files.writeString(workspace.resolve("app/docker/Build.dockerfile"), "FROM scratch\n");
        ImmutableBuildStep step = new ImmutableBuildStep(Samples.REPO + ":1.2");
        step.setContext("app");
        step.setDockerfile("docker/Build.dockerfile");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("VERSION", 12);                 // Pipeline passes numbers and GStrings, not only Strings
        args.put("EMPTY", null);
        step.setBuildArgs(buildArgs(args));
        step.setTarget("runtime");
        step.setRebuild(true);
        step.setSourceUri("https://git.example.com/other.git");
        step.setSourceRevision("v1.2");

        BuildRequest request = spec(step, CHECKOUT_ENV).toRequest(workspace, new RegistryLogin("ci", "pw"), List.of());

        assertThat(request.image().tag()).isEqualTo("1.2");
        assertThat(request.context()).isEqualTo(workspace.resolve("app").toAbsolutePath().normalize());
        assertThat(request.dockerfile()).isEqualTo(workspace.resolve("app/docker/Build.dockerfile").toAbsolutePath().normalize());
        assertThat(request.buildArgs()).containsExactly(Map.entry("EMPTY", ""), Map.entry("VERSION", "12"));
        assertThat(request.target()).isEqualTo("runtime");
        assertThat(request.rebuild()).isTrue();
        assertThat(request.sourceUri()).isEqualTo("https://git.example.com/other.git");
        assertThat(request.sourceRevision()).isEqualTo("v1.2");
        assertThat(request.credentials().username()).isEqualTo("ci");
        assertThat(request.credentials().password()).isEqualTo("pw");
    }

    @Test
    void blankContextAndDockerfileMeanTheDefaults() {
        ImmutableBuildStep step = new ImmutableBuildStep(Samples.REPO);
        step.setContext(" ");
        step.setDockerfile("");
        assertThat(step.getContext()).isEqualTo(".");
        assertThat(step.getDockerfile()).isEqualTo("Dockerfile");
    }

    @Test
    void priorReleasesAreOfferedToTheEngineAndUnreadableOnesSkipped() throws Exception {
        PriorReleaseSpec good = new PriorReleaseSpec(Samples.releaseId('a'), "app", Samples.refText('a'), Samples.digest('f').value(),
                null, "0123abc", Samples.T0.toEpochMilli(), "https://jenkins.example.com/job/app/40/", "{\"prov\":1}");
        PriorReleaseSpec broken = new PriorReleaseSpec("rel-x", "app", "not a ref", null, null, null, 0L, "b", "{}");

        BuildRequest request = spec(new ImmutableBuildStep(Samples.REPO), Map.of()).toRequest(workspace, null, List.of(broken, good));

        assertThat(request.priorReleases()).singleElement().satisfies(prior -> {
            assertThat(prior.release().id()).isEqualTo(Samples.releaseId('a'));
            assertThat(prior.release().ref()).isEqualTo(Samples.ref('a'));
            assertThat(prior.release().inputDigest()).isEqualTo(Samples.digest('f'));
            assertThat(prior.release().created()).isEqualTo(Samples.T0);
            assertThat(prior.provenanceJson()).isEqualTo("{\"prov\":1}");
        });
    }

    @Test
    void theAgentSettingsTakeStateDirAndTheBuildEnvironmentsDockerHost() {
        ImmutableBuildStep step = new ImmutableBuildStep(Samples.REPO);
        step.setStateDir("~/releases");
        AgentSettings settings = AgentSettings.of(step.getStateDir(), Map.of("DOCKER_HOST", "unix:///run/docker.sock"));
        assertThat(settings.stateDir()).isEqualTo("~/releases");
        assertThat(settings.dockerHost()).isEqualTo("unix:///run/docker.sock");
    }

    @Test
    void eachBadParameterIsNamedAsTheStepCallsIt() {
        ImmutableBuildStep step = new ImmutableBuildStep("127.0.0.1:5000/Team/App");
        step.setDockerfile("missing.dockerfile");
        step.setBuildArgs(List.of(new BuildArg("1BAD", "x")));
        step.setTarget("no spaces allowed");

        assertThatThrownBy(() -> inputDigest(step))
                .isInstanceOf(ReleaseFailure.class)
                .satisfies(e -> assertThat(((ReleaseFailure) e).kind()).isEqualTo(ReleaseException.Kind.BAD_INPUT))
                .hasMessageContaining("image: '127.0.0.1:5000/Team/App' is not a valid repository")
                .hasMessageContaining("dockerfile: no Dockerfile at")
                .hasMessageContaining("buildArgs: '1BAD=x' is malformed")
                .hasMessageContaining("target: 'no spaces allowed' is not a stage name")
                .satisfies(e -> assertThat(namesIn(e.getMessage())).containsExactlyInAnyOrder("image", "dockerfile", "buildArgs", "target"));
    }

    /** The name before the first ':' of each line: one line per bad parameter. */
    static List<String> namesIn(String message) {
        return message.lines().map(line -> line.substring(0, line.indexOf(':'))).toList();
    }

    @Test
    void aMissingImageAndAMissingContextAreNamed() {
        ImmutableBuildStep step = new ImmutableBuildStep(null);
        step.setContext("does-not-exist");
        assertThatThrownBy(() -> inputDigest(step))
                .hasMessageContaining("image: missing")
                .hasMessageContaining("context: folder ")
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(namesIn(e.getMessage())).containsExactlyInAnyOrder("image", "context"));
    }

    @Test
    void fieldsThePluginSetsAreNotPresentedAsStepParameters() {
        BuildSpec spec = new ImmutableBuildStep(Samples.REPO).toSpec(Map.of(), " ", "app#41", "key1");
        assertThatThrownBy(() -> EngineCallable.execute(new InputDigestOperation(spec), new FakeEngine(), workspace))
                .hasMessageStartingWith("builder id (the Jenkins build URL): missing");
    }

    private String inputDigest(ImmutableBuildStep step) throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.inputDigest = Samples.digest('f');
        return EngineCallable.execute(new InputDigestOperation(spec(step, Map.of())), engine, workspace);
    }

    @Test
    void userInfoInTheSourceUriIsNeverRecorded() {
        Map<String, String> env = Map.of("GIT_URL", "https://ci-bot:ghp_s3cr3tT0ken@git.example.com/team/app.git", "GIT_COMMIT", "abc");
        assertThat(spec(new ImmutableBuildStep(Samples.REPO), env).sourceUri()).isEqualTo("https://git.example.com/team/app.git");

        ImmutableBuildStep explicit = new ImmutableBuildStep(Samples.REPO);
        explicit.setSourceUri("ssh://deploy:hunter2@git.example.com:2222/team/app.git");
        assertThat(spec(explicit, Map.of()).sourceUri()).isEqualTo("ssh://git.example.com:2222/team/app.git");

        ImmutableBuildStep scpLike = new ImmutableBuildStep(Samples.REPO);
        scpLike.setSourceUri("git@git.example.com:team/app.git");
        assertThat(spec(scpLike, Map.of()).sourceUri()).isEqualTo("git@git.example.com:team/app.git");
    }

    /** A script's map, as immutableBuild's descriptor turns it into entries before binding. */
    private static List<BuildArg> buildArgs(Map<String, Object> script) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("buildArgs", script);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) BuildArg.scriptArguments(arguments).get("buildArgs");
        return entries.stream().map(e -> new BuildArg((String) e.get("name"), (String) e.get("value"))).toList();
    }
}
