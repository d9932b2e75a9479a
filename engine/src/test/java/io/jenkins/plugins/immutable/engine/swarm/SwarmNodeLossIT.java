package io.jenkins.plugins.immutable.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import io.jenkins.plugins.immutable.engine.api.Endpoint;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
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
        Set<Endpoint> live = env.router().state().routes(Colour.BLUE);
        AtomicBoolean once = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> hookFailure = new java.util.concurrent.atomic.AtomicReference<>();
        // The engine calls its handlers on its own thread: the gate waits while node 2 goes down.
        env.engine().onEvent(event -> {
            if (event instanceof EngineEvent.HealthProbe probe && probe.colour().equals("green") && once.compareAndSet(false, true)) {
                try {
                    killed = workerRunning(env.service("green"));
                    env.swarm().killNode(killed);
                    // Held here until the manager has noticed: the gate's next round reads the Swarm's view of it.
                    awaitDown(killed);
                } catch (RuntimeException | Error e) {
                    // The engine keeps going when a handler fails: keep the failure for the assertion below.
                    hookFailure.set(e);
                }
            }
        });

        Throwable thrown = null;
        try {
            env.deploy(v2);
        } catch (ReleaseException e) {
            thrown = e;
        }
        assertThat(thrown).as("hook: " + hookFailure.get() + "\n" + env.engine().log()).isInstanceOfSatisfying(ReleaseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ReleaseException.Kind.FAILED_SAFELY);
            assertThat(e.getMessage()).contains("failed its health check in green").contains("Traffic did not move")
                    .contains("the new service was removed");
        });
        assertThat(once).isTrue();
        assertThat(env.services()).containsExactly(env.service("blue"));
        assertThat(env.router().state().live()).containsExactly(Colour.BLUE);
        assertThat(env.router().state().routes(Colour.BLUE)).isEqualTo(live);
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
        Set<Endpoint> routes = env.router().state().routes(Colour.GREEN);
        assertThat(routes).hasSize(3).noneMatch(e -> e.address().equals(env.swarm().nodeAddress(3)));
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 3)) {
            load.awaitMore("v2", 60);
            load.stop();
            assertThat(load.failures.get()).as("failed requests after the restore: " + load.answers).isZero();
        }
        assertThat(env.engine().engine().drift(SwarmFixture.ENVIRONMENT, false, null).findings())
                .noneMatch(f -> f.colour() == Colour.GREEN);
    }

    /** A worker node (2 or 3) that runs a replica of the service: node 1 is the manager, the cluster's API. */
    private int workerRunning(String service) {
        try (var gateway = io.jenkins.plugins.immutable.engine.docker.DockerJavaGateway.connect(env.swarm().dockerHost())) {
            var endpoints = gateway.swarm().orElseThrow().inspectService(service).orElseThrow().endpoints();
            for (int node = 2; node <= 3; node++) {
                String address = env.swarm().nodeAddress(node);
                if (endpoints.stream().anyMatch(e -> e.address().equals(address))) {
                    return node;
                }
            }
            throw new AssertionError("no replica of " + service + " on a worker: " + endpoints);
        } catch (ReleaseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitDown(int node) {
        String address = env.swarm().nodeAddress(node);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (var docker = env.swarm().managerClient()) {
            while (System.nanoTime() < deadline) {
                boolean down = docker.listSwarmNodesCmd().exec().stream().anyMatch(n -> address.equals(n.getStatus().getAddress())
                        && n.getStatus().getState() != com.github.dockerjava.api.model.SwarmNodeState.READY);
                if (down) {
                    return;
                }
                Thread.sleep(250);
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("the manager never saw node " + node + " down");
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

}
