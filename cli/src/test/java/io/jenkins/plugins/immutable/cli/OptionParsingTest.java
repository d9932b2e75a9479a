package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each command's flags reach the engine as the request the contract describes. */
class OptionParsingTest {

    private static final String REF = FakeEngine.REF_1.toString();

    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine();

    private CliRun.Result run(String... args) {
        CliRun.Result result = new CliRun().env("HOSTNAME", "ci-host").engine(engine).run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(engine.closed).isTrue();
        return result;
    }

    @Test
    void buildPassesEveryFlag() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile.web"), "FROM scratch\n");
        run("build", "--image", "127.0.0.1:5000/team/hello:v1", "--context", context.toString(), "--file", "Dockerfile.web",
                "--build-arg", "VERSION=v1", "--build-arg", "EMPTY=", "--label", "org.opencontainers.image.title=hello",
                "--source-uri", "https://example.org/hello.git", "--source-revision", "abc123", "--rebuild",
                "--out", dir.resolve("out").toString());

        BuildRequest request = (BuildRequest) engine.calls.get(0);
        assertThat(request.image().repository()).isEqualTo("127.0.0.1:5000/team/hello");
        assertThat(request.image().tag()).isEqualTo("v1");
        assertThat(request.context()).isEqualTo(context);
        assertThat(request.dockerfile()).isEqualTo(context.resolve("Dockerfile.web"));
        assertThat(request.buildArgs()).isEqualTo(Map.of("VERSION", "v1", "EMPTY", ""));
        assertThat(request.labels()).isEqualTo(Map.of("org.opencontainers.image.title", "hello"));
        assertThat(request.sourceUri()).isEqualTo("https://example.org/hello.git");
        assertThat(request.sourceRevision()).isEqualTo("abc123");
        assertThat(request.rebuild()).isTrue();
        assertThat(request.outputDir()).isEqualTo(dir.resolve("out"));
        assertThat(request.builderId()).isEqualTo("cli@ci-host");
    }

    @Test
    void buildDefaults() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        run("build", "--image", "127.0.0.1:5000/hello", "--context", context.toString());

        BuildRequest request = (BuildRequest) engine.calls.get(0);
        assertThat(request.dockerfile()).isEqualTo(context.resolve("Dockerfile"));
        assertThat(request.rebuild()).isFalse();
        assertThat(request.outputDir()).isNull();
        assertThat(request.buildArgs()).isEmpty();
    }

    @Test
    void deployPassesEveryFlagAsStoredSettings() {
        run("deploy", "--env", "staging", "--ref", REF, "--app", "web", "--port", "9090", "--health-path", "/health",
                "--health-timeout", "45s", "--haproxy-socket", "/run/haproxy/admin.sock", "--haproxy-backend", "web",
                "--manual-promotion", "--keep-previous", "30m", "--docker-host", "unix:///run/d.sock");

        DeployRequest request = (DeployRequest) engine.calls.get(0);
        assertThat(request.environment()).isEqualTo("staging");
        assertThat(request.ref()).isEqualTo(FakeEngine.REF_1);
        var o = request.overrides();
        assertThat(o.app()).isEqualTo("web");
        assertThat(o.containerPort()).isEqualTo(9090);
        assertThat(o.healthPath()).isEqualTo("/health");
        assertThat(o.healthTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(o.haproxySocket()).isEqualTo(Path.of("/run/haproxy/admin.sock"));
        assertThat(o.haproxyBackend()).isEqualTo("web");
        assertThat(o.manualPromotion()).isTrue();
        assertThat(o.keepPrevious()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.dockerHost()).isEqualTo("unix:///run/d.sock");
        assertThat(engine.config.dockerHost()).isEqualTo("unix:///run/d.sock");
    }

    @Test
    void deployWithOnlyEnvAndRefKeepsTheStoredSettings() {
        run("deploy", "--env", "staging", "--ref", REF);

        DeployRequest request = (DeployRequest) engine.calls.get(0);
        var o = request.overrides();
        assertThat(o.app()).isNull();
        assertThat(o.containerPort()).isNull();
        assertThat(o.healthTimeout()).isNull();
        assertThat(o.haproxySocket()).isNull();
        assertThat(o.manualPromotion()).as("not given: keep what the environment has").isNull();
        assertThat(o.dockerHost()).as("only an explicit flag is stored with the environment").isNull();
    }

    @Test
    void manualPromotionCanBeTurnedOffAgain() {
        run("deploy", "--env", "staging", "--ref", REF, "--manual-promotion=false");

        assertThat(((DeployRequest) engine.calls.get(0)).overrides().manualPromotion()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"promote", "abort", "status"})
    void environmentCommandsPassTheName(String command) {
        run(command, "--env", "staging");

        assertThat(engine.calls).containsExactly(command + " staging");
    }

    @Test
    void rollbackToThePreviousRelease() {
        run("rollback", "--env", "staging");

        assertThat(engine.calls).containsExactly(new RollbackRequest("staging", null, null, null));
    }

    @Test
    void rollbackToANamedRelease() {
        run("rollback", "--env", "staging", "--to", "rel-1a1a1a1a1a1a");

        assertThat(engine.calls).containsExactly(new RollbackRequest("staging", "rel-1a1a1a1a1a1a", null, null));
    }

    @Test
    void rollbackToADigest() {
        run("rollback", "--env", "staging", "--to-digest", FakeEngine.DIGEST_1.value());

        assertThat(engine.calls).containsExactly(new RollbackRequest("staging", null, FakeEngine.DIGEST_1, null));
    }

    @Test
    void releasesListsAllOrOneEnvironmentsHistory() {
        run("releases");
        run("releases", "--env", "staging");

        assertThat(engine.calls).containsExactly("releases", "history staging");
    }

    @Test
    void verifyPassesRefAndFile() throws Exception {
        Path provenance = Files.writeString(dir.resolve("provenance.intoto.json"), "{}");
        run("verify", "--ref", REF, "--provenance", provenance.toString());

        assertThat(engine.calls).containsExactly("verify " + REF + " " + provenance);
    }

    @Test
    void stateDefaultsToDotImmutable() {
        run("status", "--env", "staging");

        assertThat(engine.config.stateDir()).isEqualTo(Path.of(".immutable").toAbsolutePath());
        assertThat(engine.config.dockerHost()).isNull();
    }

    @Test
    void stateAndDockerHostComeFromTheEnvironment() {
        CliRun.Result result = new CliRun().env("IMMUTABLE_STATE", dir.toString()).env("DOCKER_HOST", "tcp://127.0.0.1:2375")
                .engine(engine).run("status", "--env", "staging");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(engine.config.stateDir()).isEqualTo(dir);
        assertThat(engine.config.dockerHost()).isEqualTo("tcp://127.0.0.1:2375");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        CliRun.Result result = new CliRun().env("IMMUTABLE_STATE", "/elsewhere").env("DOCKER_HOST", "tcp://127.0.0.1:2375")
                .engine(engine).run("status", "--env", "staging", "--state", dir.toString(), "--docker-host", "unix:///d.sock");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(engine.config.stateDir()).isEqualTo(dir);
        assertThat(engine.config.dockerHost()).isEqualTo("unix:///d.sock");
    }

    @Test
    void outputIsCaseInsensitive() {
        CliRun.Result result = run("status", "--env", "staging", "--output", "JSON");

        assertThat(result.out()).startsWith("{");
    }

    @ParameterizedTest
    @ValueSource(strings = {"build", "deploy", "promote", "abort", "rollback", "status", "releases", "verify", "demo"})
    void everyCommandHasHelpWithAnExample(String command) {
        CliRun.Result result = new CliRun().run(command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: immutable " + command).contains("Example").contains("immutable " + command);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void noCommandShowsTheCommandsAndExits2() {
        CliRun.Result result = new CliRun().run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Commands:").contains("deploy").contains("rollback");
    }
}
