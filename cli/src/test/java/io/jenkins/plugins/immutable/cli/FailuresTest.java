package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Problem;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's failure kinds become the contract's exit codes, with the engine's field names shown as flags. */
class FailuresTest {

    private final FakeEngine engine = new FakeEngine();

    private CliRun.Result failWith(ReleaseException failure, String... args) {
        engine.failure = failure;
        return new CliRun().engine(engine).run(args);
    }

    @Test
    void unreachableExits3NamingTheComponentAndAddress() {
        CliRun.Result result = failWith(new ComponentUnreachableException(ComponentUnreachableException.Component.DOCKER_DAEMON,
                "unix:///nonexistent.sock", "Tried to reach the Docker daemon but failed because: no such file", null),
                "status", "--env", "staging");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("immutable status: Tried to reach the Docker daemon but failed because: no such file "
                + "(Docker daemon at unix:///nonexistent.sock)");
        assertThat(engine.closed).isTrue();
    }

    @Test
    void failedSafelyExits4AndSaysTrafficDidNotMove() {
        CliRun.Result result = failWith(new ReleaseException(ReleaseException.Kind.FAILED_SAFELY, "green failed its health check"),
                "deploy", "--env", "staging", "--ref", FakeEngine.REF_1.toString());

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("immutable deploy: green failed its health check\nimmutable deploy: Traffic did not move.");
    }

    @Test
    void engineSideBadInputExits2WithFlagNames() {
        CliRun.Result result = failWith(new InvalidInputException(List.of(
                new Problem("haproxySocket", "missing on the first deploy of staging: expected HAProxy's admin socket"),
                new Problem("toDigest", "no release of staging has that digest"))),
                "deploy", "--env", "staging", "--ref", FakeEngine.REF_1.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("immutable deploy: --haproxy-socket: missing on the first deploy of staging")
                .contains("immutable deploy: --to-digest: no release of staging has that digest");
    }

    @Test
    void jsonModePrintsTheErrorAsTheOneDocument() throws Exception {
        CliRun.Result result = failWith(new ReleaseException(ReleaseException.Kind.FAILED_SAFELY, "aborted; traffic did not move"),
                "abort", "--env", "staging", "--output", "json");

        var error = new ObjectMapper().readTree(result.out()).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(4);
        assertThat(error.get("kind").asText()).isEqualTo("FAILED_SAFELY");
        assertThat(error.get("message").asText()).isEqualTo("aborted; traffic did not move");
    }

    @Test
    void anUnexpectedErrorExits1AndAsksForDebug() {
        CliRun.Result result = new CliRun().engines(config -> {
            throw new IllegalStateException("boom");
        }).run("status", "--env", "staging");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("unexpected error: java.lang.IllegalStateException: boom").contains("--debug")
                .doesNotContain("\tat ");
    }

    @Test
    void debugAddsTheStackTrace() {
        CliRun.Result result = failWith(new ReleaseException(ReleaseException.Kind.FAILED_SAFELY, "nope"),
                "promote", "--env", "staging", "--debug");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("ReleaseException: nope").contains("\tat ");
    }
}
