package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Colour;
import org.junit.jupiter.api.Test;

class RouterStateTest {

    private static ServerState server(String name, AdminState admin, OperationalState operational) {
        return new ServerState(name, "127.0.0.1", 8080, admin, operational, 0);
    }

    @Test
    void noColourIsLiveWhileBothAreInMaintenance() {
        RouterState state = new RouterState("app", server("blue", AdminState.MAINT, OperationalState.STOPPED),
                server("green", AdminState.MAINT, OperationalState.STOPPED));

        assertThat(state.live()).isEmpty();
    }

    @Test
    void aDrainingColourIsNotLive() {
        RouterState state = new RouterState("app", server("blue", AdminState.DRAIN, OperationalState.RUNNING),
                server("green", AdminState.READY, OperationalState.RUNNING));

        assertThat(state.live()).containsExactly(Colour.GREEN);
        assertThat(state.server(Colour.BLUE).name()).isEqualTo("blue");
    }

    @Test
    void bothAreLiveForTheInstantOfASwitch() {
        RouterState state = new RouterState("app", server("blue", AdminState.READY, OperationalState.RUNNING),
                server("green", AdminState.READY, OperationalState.STARTING));

        assertThat(state.live()).containsExactly(Colour.BLUE, Colour.GREEN);
    }

    @Test
    void aReadyServerThatIsDownOrStoppingIsNotLive() {
        RouterState state = new RouterState("app", server("blue", AdminState.READY, OperationalState.STOPPED),
                server("green", AdminState.READY, OperationalState.STOPPING));

        assertThat(state.live()).isEmpty();
    }

    @Test
    void pointsAtComparesLoopbackAndPort() {
        ServerState blue = new ServerState("blue", "127.0.0.1", 8081, AdminState.READY, OperationalState.RUNNING, 0);

        assertThat(blue.pointsAt(8081)).isTrue();
        assertThat(blue.pointsAt(8082)).isFalse();
        assertThat(new ServerState("blue", "10.0.0.1", 8081, AdminState.READY, OperationalState.RUNNING, 0).pointsAt(8081))
                .isFalse();
    }
}
