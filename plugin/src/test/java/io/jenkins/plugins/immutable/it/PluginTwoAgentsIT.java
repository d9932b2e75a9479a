package io.jenkins.plugins.immutable.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.BuildOperation;
import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.agent.BuildSpec;
import io.jenkins.plugins.immutable.agent.DeployOperation;
import io.jenkins.plugins.immutable.agent.DeploySpec;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.EngineOperation;
import io.jenkins.plugins.immutable.agent.EnvironmentOutcome;
import io.jenkins.plugins.immutable.agent.PromoteOperation;
import io.jenkins.plugins.immutable.agent.RollbackOperation;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import io.jenkins.plugins.immutable.testing.CapturingListener;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Jenkins agents, each with its own {@code stateDir}, take turns on one environment (one Docker host, one
 * HAProxy): each step acts on what is live, whatever its own ledger remembers.
 */
class PluginTwoAgentsIT {

    private final TestServices services = TestServices.get();

    @TempDir
    Path root;
    HaproxyProcess haproxy;
    AgentSettings agentA;
    AgentSettings agentB;
    String repository;
    String app;
    final String environment = "staging";
    final CapturingListener log = new CapturingListener();

    @BeforeEach
    void startRouter() throws Exception {
        haproxy = HaproxyProcess.start(root.resolve("haproxy"), "app");
        agentA = new AgentSettings(root.resolve("agent-a-state").toString(), services.dockerHost());
        agentB = new AgentSettings(root.resolve("agent-b-state").toString(), services.dockerHost());
        repository = services.registry() + "/plugin-it/" + ItSupport.unique("web");
        app = ItSupport.unique("app");
    }

    @AfterEach
    void stopEverything() throws Exception {
        ItSupport.removeContainers(app, environment);
        if (haproxy != null) {
            haproxy.close();
        }
    }

    private <T extends Serializable> T on(AgentSettings agent, EngineOperation<T> operation, Path workspace) throws Exception {
        return new EngineCallable<>(agent, log, operation).invoke(workspace.toFile(), null);
    }

    private BuildOutcome build(AgentSettings agent, String page, int buildNumber) throws Exception {
        Path workspace = SampleApp.write(root.resolve("ws-" + buildNumber), page + " " + app);
        BuildSpec spec = BuildSpec.builder().image(repository).context(".")
                .invocation("https://jenkins.example.com/job/app/" + buildNumber + "/", "app#" + buildNumber)
                .outputKey("k" + buildNumber).build();
        return on(agent, new BuildOperation(spec, null, List.of()), workspace);
    }

    private DeploySpec.Builder deploy(BuildOutcome release) {
        return DeploySpec.builder(environment, release.ref()).app(app).port(SampleApp.PORT).health("/health", "30s")
                .haproxy(haproxy.socket().toString(), haproxy.backend()).keepPrevious("1h");
    }

    private String answer() throws Exception {
        return ItSupport.routerAnswer(haproxy.frontendPort());
    }

    @Test
    void agentsWithTheirOwnStateDirTakeTurnsAndEachActsOnWhatIsLive() throws Exception {
        BuildOutcome v1 = build(agentA, "v1", 1);
        BuildOutcome v2 = build(agentB, "v2", 2);

        EnvironmentOutcome a1 = on(agentA, new DeployOperation(deploy(v1).build(), null), root);
        assertThat(answer()).isEqualTo("v1 " + app);

        EnvironmentOutcome b1 = on(agentB, new DeployOperation(deploy(v2).build(), null), root);
        assertThat(b1.active().colour()).isNotEqualTo(a1.active().colour());
        assertThat(b1.previous().releaseId()).isEqualTo(v1.releaseId());
        assertThat(answer()).isEqualTo("v2 " + app);

        // Agent A's ledger still says v1 is live; it rolls back to the warm v1 as the target shows it.
        EnvironmentOutcome a2 = on(agentA, new RollbackOperation(environment, null, null, null), root);
        assertThat(a2.active().releaseId()).isEqualTo(v1.releaseId());
        assertThat(answer()).isEqualTo("v1 " + app);

        // B deploys v2 waiting for promotion; A promotes it.
        EnvironmentOutcome b2 = on(agentB, new DeployOperation(deploy(v2).manualPromotion(true).build(), null), root);
        assertThat(b2.preview().releaseId()).isEqualTo(v2.releaseId());
        assertThat(answer()).isEqualTo("v1 " + app);
        EnvironmentOutcome a3 = on(agentA, new PromoteOperation(environment), root);
        assertThat(a3.active().releaseId()).isEqualTo(v2.releaseId());
        assertThat(answer()).isEqualTo("v2 " + app);

        // B rolls back: the previous release as the target shows it.
        EnvironmentOutcome b3 = on(agentB, new RollbackOperation(environment, null, null, null), root);
        assertThat(b3.active().releaseId()).isEqualTo(v1.releaseId());
        assertThat(answer()).isEqualTo("v1 " + app);
        assertThat(log.text()).contains("ledger was behind the target");
    }
}
