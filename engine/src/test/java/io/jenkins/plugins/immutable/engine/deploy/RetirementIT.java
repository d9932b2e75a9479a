package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The previous colour stays warm for {@code keepPrevious}; no daemon watches the clock, so the first command on the
 * environment after that time retires it. {@code keepPrevious = 0} retires it with the switch itself.
 */
class RetirementIT {

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
    }

    @AfterEach
    void close() throws Exception {
        env.close();
    }

    @Test
    void theFirstCommandAfterKeepPreviousExpiredRetiresTheWarmColour() throws Exception {
        deploy(v1, "1s");
        EnvironmentView switched = deploy(v2, "1s");
        assertThat(switched.previous().state()).as("warm right after the switch").isEqualTo(DeploymentState.WARM);
        assertThat(env.engine().containerNames()).contains(blue());

        awaitStatusNote("has been warm longer than keepPrevious; the next command retires it");
        assertThat(env.engine().containerNames()).as("status only reads: blue is still there").contains(blue());

        EnvironmentView next = deploy(v2, "1s");

        assertThat(next.notes()).contains("Retired blue (" + id(v1) + "): warm for longer than keepPrevious (1s).");
        assertThat(next.previous().state()).isEqualTo(DeploymentState.RETIRED);
        assertThat(env.engine().containerNames()).doesNotContain(blue());
        assertThat(env.get()).isEqualTo("v2");
        assertThat(env.engine().engine().history("staging").get(0).state()).isEqualTo(DeploymentState.RETIRED);
    }

    @Test
    void keepPreviousZeroRetiresTheOldColourWithTheSwitch() throws Exception {
        deploy(v1, "0s");

        EnvironmentView switched = deploy(v2, "0s");

        assertThat(switched.notes()).contains("Retired blue (" + id(v1) + "): keepPrevious is 0.");
        assertThat(switched.previous().state()).isEqualTo(DeploymentState.RETIRED);
        assertThat(env.engine().containerNames()).doesNotContain(blue());
        assertThat(env.get()).isEqualTo("v2");
    }

    private EnvironmentView deploy(ImageRef ref, String keepPrevious) throws ReleaseException {
        return env.engine().engine().deploy(env.deployRequest(ref).keepPrevious(keepPrevious).build());
    }

    private void awaitStatusNote(String text) throws Exception {
        // Waits for the time to pass as the engine counts it; the deadline only guards against a hang.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (env.engine().engine().status("staging").notes().stream().noneMatch(n -> n.contains(text))) {
            assertThat(System.nanoTime() - deadline).as("status says: " + text).isNegative();
            Thread.sleep(100);
        }
    }

    private String blue() {
        return env.app() + "-staging-blue";
    }

    private static String id(ImageRef ref) {
        return "rel-" + ref.digest().shortHex(12);
    }
}
