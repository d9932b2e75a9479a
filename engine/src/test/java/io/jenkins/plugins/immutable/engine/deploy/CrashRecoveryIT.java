package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import io.jenkins.plugins.immutable.engine.testing.EngineMain;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a deploying process right after its new container starts and right after the router switch, and
 * of a rolling-back one after the switch: the next command finishes or undoes what it left (each test says which), the
 * router answers from a healthy colour, and the ledger reads cleanly. An interrupted switch whose new colour stopped
 * answering ({@code docker pause}) is undone, and with no colour answering the router is left as it is, with a warning.
 * (Every phase, through the command as people run it, is in the CLI's {@code FaultsIT}.)
 */
class CrashRecoveryIT {

    @TempDir
    Path dir;

    private BlueGreenFixture env;
    private ImageRef v1;
    private ImageRef v2;

    @BeforeEach
    void open() throws Exception {
        env = new BlueGreenFixture(dir);
        v1 = env.release("v1");
        v2 = env.release("v2");
        env.deploy(v1);
    }

    @AfterEach
    void close() throws Exception {
        env.close();
    }

    @Test
    void aDeployKilledAfterItsContainerStartedIsUndoneByTheNextCommand() throws Exception {
        killAt("deploy.container-started", deployV2());

        assertThat(env.get()).as("the router was never touched").isEqualTo("v1");
        assertThat(env.engine().containerNames()).contains(env.app() + "-staging-green");
        assertThat(env.engine().engine().status("staging").notes()).anyMatch(n -> n.contains("interrupted deploy"));

        EnvironmentView next = env.deploy(v2);

        assertThat(next.notes()).anyMatch(n -> n.startsWith("Undid an interrupted deploy (start-container")
                && n.contains("removed the green container it had started; traffic never moved"));
        assertThat(env.get()).isEqualTo("v2");
        assertThat(next.active().ref()).isEqualTo(v2);
        assertLedgerReadsCleanly();
    }

    @Test
    void aDeployKilledRightAfterTheRouterSwitchIsFinishedByTheNextCommand() throws Exception {
        killAt("deploy.router-switched", deployV2());

        assertThat(env.get()).as("the switch had happened").isEqualTo("v2");
        assertThat(env.engine().engine().status("staging").notes()).anyMatch(n -> n.contains("interrupted deploy"));

        EnvironmentView next = env.deploy(v2);

        assertThat(next.notes()).anyMatch(n -> n.startsWith("Finished an interrupted deploy (switch-router")
                && n.contains("green (rel-" + v2.digest().shortHex(12) + ") is healthy and now receives the traffic"));
        assertThat(next.notes()).anyMatch(n -> n.contains("already live"));
        assertThat(env.get()).isEqualTo("v2");
        assertThat(next.active().ref()).isEqualTo(v2);
        assertThat(next.previous().ref()).isEqualTo(v1);
        assertThat(next.previous().state()).isEqualTo(DeploymentState.WARM);
        assertLedgerReadsCleanly();
    }

    @Test
    void aRollbackKilledRightAfterTheRouterSwitchIsFinishedByTheNextCommand() throws Exception {
        env.deploy(v2);
        killAt("rollback.router-switched", "rollback", BlueGreenFixture.ENVIRONMENT);

        assertThat(env.get()).as("the switch back had happened").isEqualTo("v1");
        EnvironmentView next = env.deploy(v1);

        assertThat(next.notes()).anyMatch(n -> n.startsWith("Finished an interrupted rollback (switch-router"));
        assertThat(env.get()).isEqualTo("v1");
        assertThat(next.previous().ref()).isEqualTo(v2);
        assertLedgerReadsCleanly();
    }

    @Test
    void anInterruptedSwitchToAColourThatStoppedAnsweringIsUndoneNotFinished() throws Exception {
        killAt("deploy.router-switched", deployV2());
        assertThat(env.get()).isEqualTo("v2");
        // Green took the traffic, then hangs (its processes frozen): it no longer answers its health check.
        env.engine().docker().pauseContainerCmd(green()).exec();

        EnvironmentView next = env.deploy(v1);

        assertThat(next.notes()).anyMatch(n -> n.startsWith("Undid an interrupted deploy (switch-router")
                && n.contains("green did not answer its health check, so blue (rel-" + v1.digest().shortHex(12)
                        + ") receives the traffic again"));
        assertThat(env.get()).isEqualTo("v1");
        assertThat(next.active().colour()).isEqualTo(Colour.BLUE);
        assertThat(env.engine().containerNames()).doesNotContain(green());
        assertThat(env.engine().engine().history("staging")).anyMatch(h -> h.ref().equals(v2)
                && h.state() == DeploymentState.ABORTED && h.detail().contains("unhealthy after an interrupted switch"));
        assertLedgerReadsCleanly();
    }

    @Test
    void anInterruptedSwitchWithNoColourAnsweringLeavesTheRouterAsItIsAndWarns() throws Exception {
        killAt("deploy.router-switched", deployV2());
        int greenPort = env.haproxy().router().state().green().port();
        env.engine().docker().pauseContainerCmd(green()).exec();
        env.engine().docker().pauseContainerCmd(blue()).exec();
        try {
            // Any command on the environment reconciles first; promote then finds nothing to promote.
            assertThatThrownBy(() -> env.engine().engine().promote("staging")).isInstanceOf(InvalidInputException.class);

            assertThat(env.engine().log()).contains("WARNING: an interrupted deploy (switch-router")
                    .contains("left no colour that answers its health check; the router was left as it is (green)");
            RouterState router = env.haproxy().router().state();
            assertThat(router.live()).containsExactly(Colour.GREEN);
            assertThat(router.green().pointsAt(greenPort)).isTrue();
            assertThat(env.engine().containerNames()).contains(green(), blue());
        } finally {
            env.engine().docker().unpauseContainerCmd(green()).exec();
            env.engine().docker().unpauseContainerCmd(blue()).exec();
        }
    }

    private String[] deployV2() {
        return new String[] {"deploy", BlueGreenFixture.ENVIRONMENT, v2.toString(), env.app(), env.haproxy().socket().toString()};
    }

    private String green() {
        return env.app() + "-staging-green";
    }

    private String blue() {
        return env.app() + "-staging-blue";
    }

    private void killAt(String phase, String... args) throws Exception {
        String[] full = new String[args.length + 2];
        full[0] = args[0];
        full[1] = env.engine().stateDir().toString();
        full[2] = TestServices.get().dockerHost();
        System.arraycopy(args, 1, full, 3, args.length - 1);
        Path log = dir.resolve("engine-" + phase + ".log");
        Process process = EngineMain.start(phase, log, full);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.readString(log).contains(FaultPoints.MARKER + phase)) {
            assertThat(process.isAlive()).as("the process reaches %s (log: %s)", phase, Files.readString(log)).isTrue();
            assertThat(Instant.now()).as("reaching " + phase).isBefore(deadline);
            Thread.sleep(50);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    private void assertLedgerReadsCleanly() throws Exception {
        assertThat(env.engine().engine().releases()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(env.engine().engine().history("staging")).isNotEmpty();
        EnvironmentView status = env.engine().engine().status("staging");
        assertThat(status.notes()).noneMatch(n -> n.startsWith("Disagreement") || n.contains("interrupted"));
    }
}
