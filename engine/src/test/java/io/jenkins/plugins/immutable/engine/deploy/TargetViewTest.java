package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels;
import io.jenkins.plugins.immutable.engine.router.AdminState;
import io.jenkins.plugins.immutable.engine.router.OperationalState;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.router.ServerState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a ledger's cached state is corrected from what the containers and the router show. */
class TargetViewTest {

    private static final String ENV = "prod";
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final EnvironmentSettings SETTINGS = new EnvironmentSettings("shop", "unix:///d.sock", 8080, "/health",
            Duration.ofSeconds(30), Path.of("/run/h.sock"), "shop", false, Duration.ofHours(1), false, List.of());
    private static final Release V1 = release('1');
    private static final Release V2 = release('2');

    private static Release release(char c) {
        Digest digest = Digest.parse("sha256:" + String.valueOf(c).repeat(64));
        return new Release(Release.idFor(digest), "shop", new ImageRef("127.0.0.1:5000/shop", digest), null, null, null, T0, "test");
    }

    private static ContainerInfo container(Colour colour, Release release, int port, Instant started, boolean passedGate) {
        return new ContainerInfo("id-" + colour.label(), "shop-prod-" + colour.label(), true, 0, port, release.ref().toString(),
                TargetLabels.forColour(ENV, SETTINGS, colour, release, started), passedGate ? "unless-stopped" : "no");
    }

    private static ServerState server(Colour colour, int port, AdminState admin) {
        return new ServerState(colour.label(), "127.0.0.1", port, admin, OperationalState.RUNNING, 0);
    }

    private static RouterState router(ServerState blue, ServerState green) {
        return new RouterState("shop", blue, green);
    }

    private static Map<Colour, ContainerInfo> containers(ContainerInfo... infos) {
        Map<Colour, ContainerInfo> map = new EnumMap<>(Colour.class);
        for (ContainerInfo info : infos) {
            map.put(Colour.parse(info.labels().get(TargetLabels.COLOUR)), info);
        }
        return map;
    }

    private static EnvironmentState empty() {
        return EnvironmentState.fresh(ENV, SETTINGS);
    }

    private static Slot slot(Colour colour, Release release, int port, DeploymentState state) {
        return new Slot(colour, release.id(), release.ref(), "shop-prod-" + colour.label(), port, state, T0);
    }

    @Test
    void anEmptyLedgerLearnsTheLiveColourFromTheRouterAndThePreviousFromTheStartOrder() {
        TargetView view = new TargetView(ENV, containers(container(Colour.BLUE, V1, 1001, T0, true),
                container(Colour.GREEN, V2, 1002, T0.plusSeconds(60), true)),
                router(server(Colour.BLUE, 1001, AdminState.MAINT), server(Colour.GREEN, 1002, AdminState.READY)));

        TargetView.Correction c = view.correct(empty(), T0.plusSeconds(120));

        assertThat(c.state().green().state()).isEqualTo(DeploymentState.ACTIVE);
        assertThat(c.state().green().releaseId()).isEqualTo(V2.id());
        assertThat(c.state().blue().state()).as("started before the live one").isEqualTo(DeploymentState.WARM);
        assertThat(c.changes()).hasSize(2);
    }

    @Test
    void aColourStartedAfterTheLiveOneWaitsForPromotion() {
        TargetView view = new TargetView(ENV, containers(container(Colour.BLUE, V1, 1001, T0, true),
                container(Colour.GREEN, V2, 1002, T0.plusSeconds(60), true)),
                router(server(Colour.BLUE, 1001, AdminState.READY), server(Colour.GREEN, 1, AdminState.MAINT)));

        EnvironmentState state = view.correct(empty(), T0.plusSeconds(120)).state();

        assertThat(state.blue().state()).isEqualTo(DeploymentState.ACTIVE);
        assertThat(state.green().state()).isEqualTo(DeploymentState.HEALTHY);
    }

    @Test
    void aContainerThatNeverPassedItsHealthGateIsAnInterruptedStart() {
        TargetView view = new TargetView(ENV, containers(container(Colour.BLUE, V1, 1001, T0, true),
                container(Colour.GREEN, V2, 1002, T0.plusSeconds(60), false)),
                router(server(Colour.BLUE, 1001, AdminState.READY), server(Colour.GREEN, 1, AdminState.MAINT)));

        assertThat(view.correct(empty(), T0.plusSeconds(120)).state().green().state()).isEqualTo(DeploymentState.STARTING);
    }

    @Test
    void theRouterMovedElsewhereMakesTheRecordedActiveWarmButARestartedRouterDoesNot() {
        EnvironmentState recorded = empty().with(slot(Colour.BLUE, V1, 1001, DeploymentState.ACTIVE))
                .with(slot(Colour.GREEN, V2, 1002, DeploymentState.WARM));
        Map<Colour, ContainerInfo> both = containers(container(Colour.BLUE, V1, 1001, T0.plusSeconds(60), true),
                container(Colour.GREEN, V2, 1002, T0, true));

        EnvironmentState moved = new TargetView(ENV, both, router(server(Colour.BLUE, 1001, AdminState.MAINT),
                server(Colour.GREEN, 1002, AdminState.READY))).correct(recorded, T0.plusSeconds(120)).state();
        assertThat(moved.green().state()).isEqualTo(DeploymentState.ACTIVE);
        assertThat(moved.blue().state()).isEqualTo(DeploymentState.WARM);

        TargetView.Correction restarted = new TargetView(ENV, both, router(server(Colour.BLUE, 1, AdminState.MAINT),
                server(Colour.GREEN, 1, AdminState.MAINT))).correct(recorded, T0.plusSeconds(120));
        assertThat(restarted.state().blue().state()).as("set back, not demoted").isEqualTo(DeploymentState.ACTIVE);
        assertThat(restarted.changes()).isEmpty();
    }

    @Test
    void aRecordedColourWhoseContainerIsGoneIsRetiredUnlessTheRouterStillSendsItTraffic() {
        EnvironmentState recorded = empty().with(slot(Colour.BLUE, V1, 1001, DeploymentState.ACTIVE))
                .with(slot(Colour.GREEN, V2, 1002, DeploymentState.WARM));

        EnvironmentState gone = new TargetView(ENV, containers(container(Colour.BLUE, V1, 1001, T0, true)),
                router(server(Colour.BLUE, 1001, AdminState.READY), server(Colour.GREEN, 1002, AdminState.MAINT)))
                .correct(recorded, T0.plusSeconds(5)).state();
        assertThat(gone.green().state()).isEqualTo(DeploymentState.RETIRED);

        EnvironmentState routed = new TargetView(ENV, containers(), router(server(Colour.BLUE, 1001, AdminState.READY),
                server(Colour.GREEN, 1002, AdminState.MAINT))).correct(recorded, T0.plusSeconds(5)).state();
        assertThat(routed.blue().state()).as("the router still routes it: left for the deploy to replace")
                .isEqualTo(DeploymentState.ACTIVE);
    }

    @Test
    void aContainerUnderOurNameWithoutOurLabelsIsForeignAndCorrectsNothing() {
        ContainerInfo stranger = new ContainerInfo("x", "shop-prod-green", true, 0, 1002, "nginx", Map.of(), "no");
        TargetView view = new TargetView(ENV, Map.of(Colour.GREEN, stranger),
                router(server(Colour.BLUE, 1, AdminState.MAINT), server(Colour.GREEN, 1, AdminState.MAINT)));

        assertThat(view.foreign(Colour.GREEN)).contains(stranger);
        assertThat(view.foreign(Colour.BLUE)).isEmpty();
        assertThat(view.correct(empty(), T0).changes()).isEmpty();
    }
}
