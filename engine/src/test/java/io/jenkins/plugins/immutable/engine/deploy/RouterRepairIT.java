package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router set back to the live colour after HAProxy restarted or was changed from outside, and the "Disagreement"
 * notes of {@code status}: each test shows the note absent while target and ledger agree, present once they differ,
 * and absent again after the next command repaired it.
 */
class RouterRepairIT {

    @TempDir
    Path dir;

    private BlueGreenFixture env;
    private ImageRef v2;
    private int greenPort;

    @BeforeEach
    void open() throws Exception {
        env = new BlueGreenFixture(dir);
        ImageRef v1 = env.release("v1");
        v2 = env.release("v2");
        env.deploy(v1);
        env.deploy(v2);
        greenPort = env.haproxy().router().state().green().port();
        assertThat(disagreements()).as("target and ledger agree").isEmpty();
    }

    @AfterEach
    void close() throws Exception {
        env.close();
    }

    @Test
    void afterHaproxyRestartedTheNextCommandSetsTheRouterBackToTheLiveColour() throws Exception {
        env.haproxy().restart();
        assertThat(env.get()).as("a restarted HAProxy serves no colour").isEqualTo("HTTP 503");
        assertThat(disagreements()).anyMatch(n -> n.startsWith("Disagreement: the ledger records green (" + id(v2) + ", 127.0.0.1:"
                + greenPort + ") as live, but HAProxy reports"));

        EnvironmentView next = env.deploy(v2);

        assertThat(next.notes()).contains("HAProxy served none but green (" + id(v2) + ") is the live release: set the router back to it.");
        assertThat(env.get()).isEqualTo("v2");
        assertThat(disagreements()).isEmpty();
    }

    @Test
    void aLiveColourPointedElsewhereFromOutsideIsSetBackToItsContainer() throws Exception {
        int bluePort = env.haproxy().router().state().blue().port();
        // Behind the engine's back: green's server now sends the traffic to blue's container (the previous release).
        env.haproxy().router().runtime().execute("set server app/green addr 127.0.0.1 port " + bluePort);
        assertThat(env.get()).isEqualTo("v1");
        assertThat(disagreements()).anyMatch(n -> n.startsWith("Disagreement: the ledger records green (" + id(v2) + ", 127.0.0.1:"
                + greenPort + ") as live, but HAProxy reports"));

        EnvironmentView next = env.deploy(v2);

        assertThat(next.notes()).anyMatch(n -> n.contains("is the live release: set the router back to it."));
        RouterState router = env.haproxy().router().state();
        assertThat(router.live()).containsExactly(Colour.GREEN);
        assertThat(router.green().pointsAt(greenPort)).isTrue();
        assertThat(env.get()).isEqualTo("v2");
        assertThat(disagreements()).isEmpty();
    }

    @Test
    void aContainerUnderAColourNameTheEngineDidNotStartIsADisagreement() throws Exception {
        String blue = env.app() + "-staging-blue";
        env.engine().docker().removeContainerCmd(blue).withForce(true).exec();
        env.deploy(v2);
        assertThat(disagreements()).isEmpty();
        env.engine().docker().createContainerCmd(v2.toString()).withName(blue).exec();

        assertThat(disagreements()).anyMatch(n -> n.equals("Disagreement: container " + blue + " was not started by the engine (it"
                + " lacks the engine's labels); run 'immutable drift --env staging'."));
    }

    private List<String> disagreements() throws Exception {
        return env.engine().engine().status("staging").notes().stream().filter(n -> n.startsWith("Disagreement")).toList();
    }

    private static String id(ImageRef ref) {
        return "rel-" + ref.digest().shortHex(12);
    }
}
