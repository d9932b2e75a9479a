package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of a deploying process right after its new container starts and right after the router switch, and
 * of a rolling-back one after the switch: the next command reconciles, the router answers from a healthy colour, and
 * the ledger reads cleanly. (Every phase, through the command as people run it, is in the CLI's {@code FaultsIT}.)
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

    @ParameterizedTest
    @ValueSource(strings = {"deploy.container-started", "deploy.router-switched"})
    void aDeployKilledAtAnyPhaseIsReconciledByTheNextCommand(String phase) throws Exception {
        killAt(phase, "deploy", BlueGreenFixture.ENVIRONMENT, v2.toString(), env.app(), env.haproxy().socket().toString());

        String during = env.get();
        assertThat(during).as("after the kill, the router answers from a healthy colour").isIn("v1", "v2");
        assertThat(env.engine().engine().status("staging").notes()).anyMatch(n -> n.contains("interrupted deploy"));

        EnvironmentView next = env.deploy(v2);

        assertThat(next.notes()).anyMatch(n -> n.contains("interrupted deploy") || n.contains("already live"));
        assertThat(env.get()).isEqualTo("v2");
        assertThat(next.active().ref()).isEqualTo(v2);
        assertLedgerReadsCleanly();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rollback.router-switched"})
    void aRollbackKilledAtAnyPhaseIsReconciledByTheNextCommand(String phase) throws Exception {
        env.deploy(v2);
        killAt(phase, "rollback", BlueGreenFixture.ENVIRONMENT);

        assertThat(env.get()).isIn("v1", "v2");
        EnvironmentView next = env.deploy(v1);

        assertThat(next.notes()).anyMatch(n -> n.contains("interrupted rollback"));
        assertThat(env.get()).isEqualTo("v1");
        assertThat(next.previous().ref()).isEqualTo(v2);
        assertLedgerReadsCleanly();
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
