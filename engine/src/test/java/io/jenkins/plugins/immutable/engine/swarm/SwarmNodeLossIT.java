package io.jenkins.plugins.immutable.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import io.jenkins.plugins.immutable.engine.api.Endpoint;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.HaproxyRuntime;
import io.jenkins.plugins.immutable.engine.router.ServerSlots;
import io.jenkins.plugins.immutable.engine.testing.FrontendLoad;
import io.jenkins.plugins.immutable.engine.testing.SwarmFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's daemon killed on the real three-node Swarm: during a deploy's health gate the deploy fails safely (decided:
 * a replica lost during the gate is never "rescheduled and carried on", the gate judged replicas that are no more);
 * while live, status and drift say so, and a deploy restores N healthy replicas behind the router.
 */
class SwarmNodeLossIT {

    @TempDir
    Path dir;

    private SwarmFixture env;
    private int killed;

    @BeforeEach
    void open() throws Exception {
        env = new SwarmFixture(dir, 3);
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (killed > 0) {
                env.swarm().reviveNode(killed);
            }
        } finally {
            env.close();
        }
    }

    @Test
    void aNodeKilledDuringTheHealthGateFailsTheDeploySafely() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        Set<Endpoint> live = router().state().routes(Colour.BLUE);
        AtomicBoolean once = new AtomicBoolean();
        // The engine calls its handlers on its own thread: the gate waits while node 2 goes down.
        env.engine().onEvent(event -> {
            if (event instanceof EngineEvent.HealthProbe probe && probe.colour().equals("green") && once.compareAndSet(false, true)) {
                killed = 2;
                env.swarm().killNode(2);
            }
        });

        assertThatThrownBy(() -> env.deploy(v2)).isInstanceOfSatisfying(ReleaseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ReleaseException.Kind.FAILED_SAFELY);
            assertThat(e.getMessage()).contains("failed its health check in green").contains("Traffic did not move")
                    .contains("the new service was removed");
        });
        assertThat(once).isTrue();
        assertThat(env.services()).containsExactly(env.service("blue"));
        assertThat(router().state().live()).containsExactly(Colour.BLUE);
        assertThat(router().state().routes(Colour.BLUE)).isEqualTo(live);
    }

    @Test
    void aNodeLostWhileLiveIsReportedAndADeployRestoresAllReplicas() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);

        killed = 3;
        env.swarm().killNode(3);
        EnvironmentView status = awaitStatus(n -> n.contains("Disagreement: service") || n.contains("where no replica"));
        assertThat(status.notes()).as(String.join("\n", status.notes())).anyMatch(n -> n.startsWith("Replicas of blue"));
        DriftReport drift = env.engine().engine().drift(SwarmFixture.ENVIRONMENT, false, null);
        assertThat(drift.findings()).as(drift.findings().toString())
                .anyMatch(f -> f.kind() == DriftFinding.Kind.REPLICAS && f.colour() == Colour.BLUE);

        EnvironmentView restored = env.deploy(v2);
        assertThat(restored.active().colour()).isEqualTo(Colour.GREEN);
        Set<Endpoint> routes = router().state().routes(Colour.GREEN);
        assertThat(routes).hasSize(3).noneMatch(e -> e.address().equals(env.swarm().nodeAddress(3)));
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 3)) {
            load.awaitMore("v2", 60);
            load.stop();
            assertThat(load.failures.get()).as("failed requests after the restore: " + load.answers).isZero();
        }
        assertThat(env.engine().engine().drift(SwarmFixture.ENVIRONMENT, false, null).findings())
                .noneMatch(f -> f.colour() == Colour.GREEN);
    }

    private EnvironmentView awaitStatus(java.util.function.Predicate<String> note) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            EnvironmentView view = env.engine().engine().status(SwarmFixture.ENVIRONMENT);
            if (view.notes().stream().anyMatch(note) || System.nanoTime() > deadline) {
                assertThat(view.notes()).as(String.join("\n", view.notes())).anyMatch(note);
                return view;
            }
            Thread.sleep(500);
        }
    }

    private HaproxyRouter router() {
        return new HaproxyRouter(new HaproxyRuntime(HaproxyAddress.unix(env.haproxy().socket())), "app", EventHandler.NONE,
                new ServerSlots(3));
    }
}
