package io.jenkins.plugins.immutable.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.BuildOperation;
import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.agent.BuildSpec;
import io.jenkins.plugins.immutable.agent.DeployOperation;
import io.jenkins.plugins.immutable.agent.DeploySpec;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.EngineOperation;
import io.jenkins.plugins.immutable.agent.EnvironmentOutcome;
import io.jenkins.plugins.immutable.engine.router.RouterConfig;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.SwarmCluster;
import io.jenkins.plugins.immutable.record.DeploymentOutcome;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.Recording;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import io.jenkins.plugins.immutable.testing.CapturingListener;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code immutableDeploy(platform: 'swarm', replicas: 3)}'s agent side on the real three-node Swarm ({@code scripts/cluster
 * start}): the release is built on the manager and pushed to the cluster's registry, each colour is a service of 3
 * replicas, and a real HAProxy whose backend is the section {@code immutable router-config --platform swarm --replicas 3}
 * prints sends the frontend's requests to them. The build records the platform and the replica count.
 */
class PluginSwarmDeployIT {

    private static final int REPLICAS = 3;
    private static final String ENVIRONMENT = "staging";

    private final SwarmCluster cluster = SwarmCluster.get();

    @TempDir
    Path root;
    HaproxyProcess haproxy;
    AgentSettings settings;
    String repository;
    String app;
    CapturingListener log;

    @BeforeEach
    void startRouter() throws Exception {
        // The cluster's registry is on its bridge, trusted by every node without TLS: the engine on the agent speaks plain
        // HTTP to it, as IMMUTABLE_INSECURE_REGISTRIES says on a real agent.
        System.setProperty("immutable.insecureRegistries", cluster.registry());
        String section = RouterConfig.render(null, "swarm", REPLICAS, "app", null);
        haproxy = HaproxyProcess.start(root.resolve("haproxy"), "app",
                text -> text.substring(0, text.indexOf("\nbackend app") + 1) + section);
        settings = new AgentSettings(root.resolve("state").toString(), cluster.dockerHost());
        repository = cluster.registry() + "/plugin-it/" + ItSupport.unique("web");
        app = ItSupport.unique("app");
        log = new CapturingListener();
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (haproxy != null) {
                haproxy.close();
            }
        } finally {
            try (DockerClient docker = cluster.managerClient()) {
                for (var service : docker.listServicesCmd().exec()) {
                    if (service.getSpec().getName().startsWith(app + "-")) {
                        docker.removeServiceCmd(service.getId()).exec();
                    }
                }
            }
        }
    }

    private BuildOutcome build(String page, int buildNumber) throws Exception {
        Path workspace = SampleApp.write(root.resolve("ws-" + buildNumber), page + " " + app);
        BuildSpec spec = BuildSpec.builder().image(repository).context(".")
                .invocation("https://jenkins.example.com/job/app/" + buildNumber + "/", "app#" + buildNumber)
                .outputKey("k" + buildNumber).build();
        return run(new BuildOperation(spec, null, List.of()), workspace);
    }

    private <T extends Serializable> T run(EngineOperation<T> operation, Path workspace) throws Exception {
        return new EngineCallable<>(settings, log, operation).invoke(workspace.toFile(), null);
    }

    @Test
    void aSwarmDeployOfThreeReplicasServesThroughHaproxyAndIsRecordedWithItsPlatform() throws Exception {
        long started = System.nanoTime();
        BuildOutcome v1 = build("v1", 1);
        BuildOutcome v2 = build("v2", 2);

        // immutableDeploy(ref: v1, environment: 'staging', platform: 'swarm', replicas: 3, haproxySocket: …)
        DeploySpec first = DeploySpec.builder(ENVIRONMENT, v1.ref()).app(app).port(SampleApp.PORT).health("/health", "30s")
                .haproxy(haproxy.socket().toString(), "app").keepPrevious("1h").platform("swarm", REPLICAS).build();
        EnvironmentOutcome deployed = run(new DeployOperation(first, null), root);

        assertThat(deployed.active().releaseId()).isEqualTo(v1.releaseId());
        assertThat(deployed.platform()).isEqualTo("swarm");
        assertThat(deployed.replicas()).isEqualTo(REPLICAS);
        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo("v1 " + app);
        assertThat(services()).containsExactly(app + "-" + ENVIRONMENT + "-blue");
        ReleaseAction build1 = new ReleaseAction();
        build1.recordRelease(v1, 1L);
        build1.recordDeployments(Recording.deployed(deployed, v1.ref(), 10L));
        assertThat(build1.getDeployments()).singleElement().satisfies(d -> {
            assertThat(d.getOutcome()).isEqualTo(DeploymentOutcome.ACTIVE);
            assertThat(d.getPlatform()).isEqualTo("swarm");
            assertThat(d.getReplicas()).isEqualTo(REPLICAS);
            assertThat(d.getPlatformLabel()).isEqualTo("swarm, 3 replicas per colour");
        });

        // immutableDeploy(ref: v2, environment: 'staging'): the platform and replicas stored with the environment hold.
        EnvironmentOutcome second = run(new DeployOperation(DeploySpec.builder(ENVIRONMENT, v2.ref()).build(), null), root);
        assertThat(second.active().releaseId()).isEqualTo(v2.releaseId());
        assertThat(second.previous().releaseId()).isEqualTo(v1.releaseId());
        assertThat(second.switchMillis()).isNotNull();
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            answers.add(ItSupport.routerAnswer(haproxy.frontendPort()));
        }
        assertThat(answers).as("every replica HAProxy reaches serves v2").containsExactly("v2 " + app);
        RecordedDeployment recorded = Recording.deployed(second, v2.ref(), 20L).get(0);
        assertThat(recorded.getPlatform()).isEqualTo("swarm");
        assertThat(recorded.getReplicas()).isEqualTo(REPLICAS);
        assertThat(recorded.getColour()).isEqualTo("green");
        assertThat(services()).containsExactly(app + "-" + ENVIRONMENT + "-blue", app + "-" + ENVIRONMENT + "-green");
        try (DockerClient docker = cluster.managerClient()) {
            assertThat(docker.inspectServiceCmd(app + "-" + ENVIRONMENT + "-green").exec().getSpec().getMode().getReplicated().getReplicas())
                    .isEqualTo((long) REPLICAS);
        }
        System.out.printf("plugin swarm deploy: two releases built and deployed with %d replicas in %d ms%n", REPLICAS,
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<String> services() {
        try (DockerClient docker = cluster.managerClient()) {
            return docker.listServicesCmd().exec().stream().map(s -> s.getSpec().getName()).filter(n -> n.startsWith(app + "-"))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
