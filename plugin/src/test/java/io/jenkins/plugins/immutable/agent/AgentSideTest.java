package io.jenkins.plugins.immutable.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.testing.FakeEngine;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent side apart from the engine: state folder, log lines, failures, secrets. */
class AgentSideTest {

    @TempDir
    Path workspace;

    @Test
    void theStateFolderDefaultsToTheAgentUsersHome() {
        assertThat(new AgentSettings(null, null).resolveStateDir(workspace, "/home/agent"))
                .isEqualTo(Path.of("/home/agent/.immutable-release"));
        assertThat(new AgentSettings(" ", null).resolveStateDir(workspace, "/home/agent"))
                .isEqualTo(Path.of("/home/agent/.immutable-release"));
    }

    @Test
    void theStateFolderMayBeAbsoluteInTheHomeOrInTheWorkspace() {
        assertThat(new AgentSettings("/srv/state", null).resolveStateDir(workspace, "/home/agent")).isEqualTo(Path.of("/srv/state"));
        assertThat(new AgentSettings("~/envs", null).resolveStateDir(workspace, "/home/agent")).isEqualTo(Path.of("/home/agent/envs"));
        assertThat(new AgentSettings("~", null).resolveStateDir(workspace, "/home/agent")).isEqualTo(Path.of("/home/agent"));
        assertThat(new AgentSettings("state", null).resolveStateDir(workspace, "/home/agent"))
                .isEqualTo(workspace.resolve("state").toAbsolutePath().normalize());
    }

    @Test
    void aBlankDockerHostMeansTheEnginesDefault() {
        assertThat(new AgentSettings(null, "").dockerHost()).isNull();
        assertThat(new AgentSettings(null, " unix:///d.sock ").dockerHost()).isEqualTo("unix:///d.sock");
    }

    @Test
    void engineEventsBecomeBuildLogLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BuildLog log = new BuildLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.on(new EngineEvent.StageStarted("push", "127.0.0.1:5000/team/app"));
        log.on(new EngineEvent.HealthProbe("green", 2, "200", 2, Duration.ofMillis(1500), Duration.ofSeconds(60)));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("[push] 127.0.0.1:5000/team/app", "[health] green probe 2: 200 (2 in a row) 1.5s of 60s");
    }

    @Test
    void engineFailuresKeepTheirMessageAndKind() {
        FakeEngine engine = new FakeEngine();
        engine.failure = new ReleaseException(ReleaseException.Kind.FAILED_SAFELY, "Health check of green failed; traffic did not move.");
        try {
            EngineCallable.execute(new PromoteOperation("staging"), engine, workspace);
            throw new AssertionError("expected a failure");
        } catch (ReleaseFailure failure) {
            assertThat(failure.getMessage()).isEqualTo("Health check of green failed; traffic did not move.");
            assertThat(failure.kind()).isEqualTo(ReleaseException.Kind.FAILED_SAFELY);
            assertThat(failure.failedSafely()).isTrue();
            assertThat(failure.getCause()).isNull(); // no engine stack trace in the build log
        }
    }

    @Test
    void aRegistryLoginNeverShowsItsPassword() throws Exception {
        RegistryLogin login = new RegistryLogin("ci", "s3cret-pw");
        assertThat(login.toString()).contains("ci").doesNotContain("s3cret-pw");
        assertThat(login.toCredentials().toString()).doesNotContain("s3cret-pw");
        assertThat(login.toCredentials().password()).isEqualTo("s3cret-pw");
    }

    @Test
    void whatTravelsToTheAgentIsSerializable() throws Exception {
        BuildSpec spec = BuildSpec.builder().image("127.0.0.1:5000/a").context(".").buildArgs(java.util.Map.of("A", "1")).build();
        Object[] travellers = {new AgentSettings("s", "unix:///d"), spec, new InputDigestOperation(spec),
                new BuildOperation(spec, new RegistryLogin("u", "p"), java.util.List.of()),
                new DeployOperation(DeploySpec.builder("staging", "r").port(1).build(), null),
                new PromoteOperation("staging"), new RollbackOperation("staging", null, null, null),
                new ReleaseFailure(ReleaseException.Kind.BAD_INPUT, "x")};
        for (Object traveller : travellers) {
            try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                out.writeObject(traveller);
            }
        }
    }
}
