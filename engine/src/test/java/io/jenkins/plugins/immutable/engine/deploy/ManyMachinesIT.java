package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.HaproxyRuntime;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import io.jenkins.plugins.immutable.engine.testing.EngineFixture;
import io.jenkins.plugins.immutable.engine.testing.EngineMain;
import io.jenkins.plugins.immutable.engine.testing.FrontendLoad;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agents (two state folders, one Docker host, one HAProxy) act on one environment. The target decides what is
 * live; nothing that serves traffic is ever taken down; the lock on the Docker host keeps them one at a time.
 */
class ManyMachinesIT {

    @TempDir
    Path dir;

    private BlueGreenFixture env;
    private EngineFixture agentB;
    private ImageRef v1;
    private ImageRef v2;

    @BeforeEach
    void open() throws Exception {
        env = new BlueGreenFixture(dir);
        agentB = new EngineFixture(dir.resolve("state-b"));
        v1 = env.release("v1");
        v2 = env.release("v2");
    }

    @AfterEach
    void close() throws Exception {
        try {
            agentB.close();
        } finally {
            env.close();
        }
    }

    private ReleaseEngine a() {
        return env.engine().engine();
    }

    private ReleaseEngine b() {
        return agentB.engine();
    }

    @Test
    void aSecondAgentDeploysBesideTheLiveColourAndTheFrontendAnswersThroughout() throws Exception {
        a().deploy(env.deployRequest(v1).build());
        String liveBefore = liveContainerId();

        EnvironmentView second;
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 3)) {
            second = b().deploy(env.deployRequest(v2).build());
            Thread.sleep(200);
            load.stop();
            assertThat(load.failures.get()).as("failed requests: " + load.answers).isZero();
            assertThat(load.total()).isGreaterThan(20);
        }

        assertThat(second.active().colour()).isEqualTo(Colour.GREEN);
        assertThat(second.previous().colour()).isEqualTo(Colour.BLUE);
        assertThat(second.notes()).anyMatch(n -> n.contains("ledger was behind the target"));
        assertThat(env.get()).isEqualTo("v2");
        assertThat(containerExists(liveBefore)).as("the container that served v1 is kept warm, not replaced").isTrue();

        // Agent A's ledger still says blue; its status shows the target and says its ledger is behind.
        EnvironmentView statusA = a().status(BlueGreenFixture.ENVIRONMENT);
        assertThat(statusA.active().colour()).isEqualTo(Colour.GREEN);
        assertThat(statusA.routerLive()).isEqualTo("green");
        assertThat(statusA.notes()).anyMatch(n -> n.startsWith("Disagreement: this ledger is behind the target"));
    }

    @Test
    void twoAgentsAlternateTenTimesUnderLoadWithoutAFailedRequest() throws Exception {
        a().deploy(env.deployRequest(v1).build());
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 3)) {
            for (int i = 0; i < 10; i++) {
                ReleaseEngine agent = i % 2 == 0 ? b() : a();
                String liveBefore = liveContainerId();
                ImageRef next = i % 2 == 0 ? v2 : v1;
                switch (i % 3) {
                    case 0 -> agent.deploy(env.deployRequest(next).build());
                    case 1 -> {
                        agent.deploy(env.deployRequest(next).manualPromotion(true).build());
                        (i % 2 == 0 ? a() : b()).promote(BlueGreenFixture.ENVIRONMENT);
                    }
                    default -> agent.rollback(RollbackRequest.of(BlueGreenFixture.ENVIRONMENT, null, null));
                }
                assertThat(containerExists(liveBefore)).as("step %d kept the container that was live before it", i).isTrue();
            }
            Thread.sleep(200);
            load.stop();
            assertThat(load.failures.get()).as("failed requests: " + load.answers).isZero();
            assertThat(load.answers.keySet()).containsExactlyInAnyOrder("v1", "v2");
        }
        String live = router().live().iterator().next().label();
        for (ReleaseEngine agent : new ReleaseEngine[] {a(), b()}) {
            EnvironmentView status = agent.status(BlueGreenFixture.ENVIRONMENT);
            assertThat(status.active().colour().label()).isEqualTo(live);
            assertThat(status.routerLive()).isEqualTo(live);
        }
        // After one more command each, both ledgers record what the router serves.
        a().deploy(env.deployRequest(v1).manualPromotion(false).build());
        b().deploy(env.deployRequest(v1).build());
        assertThat(b().status(BlueGreenFixture.ENVIRONMENT).notes()).noneMatch(n -> n.startsWith("Disagreement"));
        assertThat(a().status(BlueGreenFixture.ENVIRONMENT).notes()).noneMatch(n -> n.startsWith("Disagreement"));
    }

    @Test
    void anAgentWithAnEmptyLedgerRollsBackAndDeploysFromWhatTheTargetShows() throws Exception {
        a().deploy(env.deployRequest(v1).build());
        a().deploy(env.deployRequest(v2).build());
        String warmBlue = containerId(Colour.BLUE);

        // Agent B never heard of the environment: only its name is given.
        EnvironmentView back = b().rollback(RollbackRequest.of(BlueGreenFixture.ENVIRONMENT, null, null));
        assertThat(env.get()).isEqualTo("v1");
        assertThat(back.active().colour()).isEqualTo(Colour.BLUE);
        assertThat(containerId(Colour.BLUE)).as("a switch to the warm colour, no container started").isEqualTo(warmBlue);

        ImageRef v3 = env.release("v3");
        EnvironmentView deployed = agentB.engine().deploy(env.deployRequest(v3).build());
        assertThat(deployed.active().colour()).isEqualTo(Colour.GREEN);
        assertThat(containerId(Colour.BLUE)).as("the live blue was kept warm").isEqualTo(warmBlue);
        assertThat(env.get()).isEqualTo("v3");
        assertThat(b().releases()).anyMatch(r -> r.release().ref().equals(v3));
    }

    @Test
    void aLiveHolderOnTheTargetIsNamedAndADeadOneIsTakenOver() throws Exception {
        a().deploy(env.deployRequest(v1).build());
        Path log = dir.resolve("holder.log");
        Process holder = EngineMain.start("deploy.container-started", log, "deploy", env.engine().stateDir().toString(),
                TestServices.get().dockerHost(), BlueGreenFixture.ENVIRONMENT, v2.toString(), env.app(),
                env.haproxy().socket().toString());
        try {
            awaitPaused(holder, log, "deploy.container-started");

            assertThatThrownBy(() -> b().deploy(env.deployRequest(v2).build()))
                    .isInstanceOf(ReleaseException.class)
                    .hasMessageContaining("is locked on")
                    .hasMessageContaining("pid " + holder.pid())
                    .hasMessageContaining("deploy since");
            assertThat(env.get()).isEqualTo("v1");
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(holder.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        EnvironmentView next = b().deploy(env.deployRequest(v2).build());
        assertThat(next.notes()).anyMatch(n -> n.contains("Took over the lock") && n.contains("pid " + holder.pid())
                && n.contains("is gone"));
        assertThat(next.notes()).anyMatch(n -> n.contains("never passed its health gate"));
        assertThat(env.get()).isEqualTo("v2");
        assertThat(next.active().ref()).isEqualTo(v2);
    }

    @Test
    void aRouterLeftServingBothColoursIsFinishedTowardsTheNewerOneByAnotherAgent() throws Exception {
        a().deploy(env.deployRequest(v1).build());
        a().deploy(env.deployRequest(v2).build());
        // As a switch cut short between 'ready' and 'drain' on some machine would leave it: both colours take requests.
        env.haproxy().router().runtime().execute("set server app/blue state ready");
        assertThat(router().live()).containsExactlyInAnyOrder(Colour.BLUE, Colour.GREEN);

        EnvironmentView status = b().status(BlueGreenFixture.ENVIRONMENT);
        assertThat(status.routerLive()).isEqualTo("both");

        ImageRef v3 = env.release("v3");
        EnvironmentView next = b().deploy(env.deployRequest(v3).build());
        assertThat(next.notes()).anyMatch(n -> n.contains("HAProxy sent traffic to both colours: finished the switch to green"));
        assertThat(next.active().ref()).isEqualTo(v3);
        assertThat(router().live()).hasSize(1);
        assertThat(env.get()).isEqualTo("v3");
    }

    private void awaitPaused(Process process, Path log, String phase) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.readString(log).contains(FaultPoints.MARKER + phase)) {
            assertThat(process.isAlive()).as("the process reaches %s (log: %s)", phase, Files.readString(log)).isTrue();
            assertThat(Instant.now()).as("reaching " + phase).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private RouterState router() throws ReleaseException {
        return new HaproxyRouter(new HaproxyRuntime(env.haproxy().socket()), "app").state();
    }

    /** The id of the container the router sends traffic to now. */
    private String liveContainerId() throws ReleaseException {
        Set<Colour> live = router().live();
        assertThat(live).hasSize(1);
        return containerId(live.iterator().next());
    }

    private String containerId(Colour colour) {
        return env.engine().docker().inspectContainerCmd(env.app() + "-staging-" + colour.label()).exec().getId();
    }

    private boolean containerExists(String id) {
        return env.engine().docker().listContainersCmd().withShowAll(true).exec().stream().anyMatch(c -> c.getId().equals(id));
    }
}
