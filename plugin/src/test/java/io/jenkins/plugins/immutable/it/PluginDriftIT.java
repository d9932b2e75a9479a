package io.jenkins.plugins.immutable.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.BuildOperation;
import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.agent.BuildSpec;
import io.jenkins.plugins.immutable.agent.DeployOperation;
import io.jenkins.plugins.immutable.agent.DeploySpec;
import io.jenkins.plugins.immutable.agent.DriftOperation;
import io.jenkins.plugins.immutable.agent.DriftOutcome;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.EngineOperation;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import io.jenkins.plugins.immutable.record.RecordedDriftCheck;
import io.jenkins.plugins.immutable.testing.CapturingListener;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * immutableDriftCheck's agent side against the real Docker daemon, registry and HAProxy: clean, then a file written
 * into the live container is found, then repaired by replacement, and the next check is clean again.
 */
class PluginDriftIT {

    private final TestServices services = TestServices.get();

    @TempDir
    Path root;
    HaproxyProcess haproxy;
    AgentSettings settings;
    String app;
    final String environment = "staging";
    CapturingListener log;

    @BeforeEach
    void startRouter() throws Exception {
        haproxy = HaproxyProcess.start(root.resolve("haproxy"), "app");
        settings = new AgentSettings(root.resolve("state").toString(), services.dockerHost());
        app = ItSupport.unique("drift");
        log = new CapturingListener();
    }

    @AfterEach
    void stopEverything() throws Exception {
        ItSupport.removeContainers(app, environment);
        if (haproxy != null) {
            haproxy.close();
        }
    }

    private <T extends Serializable> T run(EngineOperation<T> operation, Path workspace) throws Exception {
        return new EngineCallable<>(settings, log, operation).invoke(workspace.toFile(), null);
    }

    @Test
    void driftIsFoundRecordedAndRepaired() throws Exception {
        Path workspace = SampleApp.write(root.resolve("ws"), "drift " + app);
        BuildOutcome built = run(new BuildOperation(BuildSpec.builder().image(services.registry() + "/plugin-it/" + app)
                .context(".").invocation("https://jenkins.example.com/job/app/1/", "app#1").outputKey("k1").build(), null,
                List.of()), workspace);
        run(new DeployOperation(DeploySpec.builder(environment, built.ref()).app(app).port(SampleApp.PORT)
                .health("/health", "30s").haproxy(haproxy.socket().toString(), haproxy.backend()).build(), null), root);

        DriftOutcome clean = run(new DriftOperation(environment, false), root);
        assertThat(clean.findings()).isEmpty();
        assertThat(clean.drifted()).isFalse();

        Process exec = new ProcessBuilder("docker", "-H", services.dockerHost(), "exec", app + "-" + environment + "-blue",
                "/bin/busybox", "sh", "-c", "echo defaced > /www/index.html").inheritIO().start();
        assertThat(exec.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(exec.exitValue()).isZero();

        DriftOutcome found = run(new DriftOperation(environment, false), root);
        assertThat(found.drifted()).isTrue();
        assertThat(found.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("FILES_CHANGED");
            assertThat(f.colour()).isEqualTo("blue");
            assertThat(f.found()).contains("/www/index.html");
        });
        assertThat(RecordedDriftCheck.of(found, false, 1L).getVerdict()).isEqualTo("drift found");

        DriftOutcome repaired = run(new DriftOperation(environment, true), root);
        assertThat(repaired.drifted()).isFalse();
        assertThat(repaired.repaired()).isNotEmpty();
        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo("drift " + app);
        assertThat(run(new DriftOperation(environment, false), root).findings()).isEmpty();
        assertThat(log.text()).contains("[drift]").contains("[switch]");
    }
}
