package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.Endpoint;
import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server groups per colour: slot names, a group seen as one server, what a group routes to, and the printed section. */
class RouterGroupsTest {

    private static ServerState server(String name, String address, int port, AdminState admin) {
        return new ServerState(name, address, port, admin, OperationalState.RUNNING, 0);
    }

    @Test
    void slotNames() {
        assertThat(ServerSlots.SINGLE.names(Colour.BLUE)).containsExactly("blue");
        assertThat(new ServerSlots(3).names(Colour.GREEN)).containsExactly("green1", "green2", "green3");
    }

    @Test
    void aGroupRoutesToTheEndpointsOfItsReadyServers() {
        List<ServerState> blue = List.of(server("blue1", "10.0.0.1", 30001, AdminState.READY),
                server("blue2", "10.0.0.2", 30002, AdminState.READY), server("blue3", "127.0.0.1", 1, AdminState.MAINT));
        List<ServerState> green = List.of(server("green1", "127.0.0.1", 1, AdminState.MAINT),
                server("green2", "127.0.0.1", 1, AdminState.MAINT), server("green3", "127.0.0.1", 1, AdminState.MAINT));
        RouterState state = new RouterState("app", ServerState.group("blue", blue), ServerState.group("green", green),
                Map.of(Colour.BLUE, blue, Colour.GREEN, green));

        assertThat(state.live()).containsExactly(Colour.BLUE);
        assertThat(state.routes(Colour.BLUE)).containsExactlyInAnyOrder(new Endpoint("10.0.0.1", 30001), new Endpoint("10.0.0.2", 30002));
        assertThat(state.routesExactly(Colour.BLUE, List.of(new Endpoint("10.0.0.2", 30002), new Endpoint("10.0.0.1", 30001)))).isTrue();
        assertThat(state.routesExactly(Colour.BLUE, List.of(new Endpoint("10.0.0.1", 30001)))).isFalse();
        assertThat(state.routesToAny(Colour.BLUE, List.of(new Endpoint("10.0.0.2", 30002), new Endpoint("10.0.0.9", 1)))).isTrue();
        assertThat(state.routesToAny(Colour.GREEN, List.of(new Endpoint("127.0.0.1", 1)))).isFalse();
        assertThat(state.server(Colour.GREEN).admin()).isEqualTo(AdminState.MAINT);
        assertThat(state.describe()).contains("blue1 10.0.0.1:30001").contains("green3 127.0.0.1:1");
    }

    @Test
    void routerConfigPrintsTheSectionTheRouterReads() {
        String text = RouterConfig.render("prod", "swarm", 2, "shop", HaproxyAddress.unix(Path.of("/run/h.sock")));
        assertThat(text).contains("environment 'prod'").contains("stats socket /run/h.sock mode 600 level admin")
                .contains("backend shop\n    mode http\n").contains("server green2 127.0.0.1:1 disabled\n");
        assertThat(text.lines().filter(l -> l.startsWith("    server ")).toList()).hasSize(4);
        assertThat(RouterConfig.render(null, "docker", 1, "app", null)).contains("server blue 127.0.0.1:1 disabled")
                .contains(RouterConfig.EXAMPLE_SOCKET).doesNotContain("blue1");
    }
}
