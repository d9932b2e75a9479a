package io.jenkins.plugins.immutable.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.jenkins.plugins.immutable.agent.ReleaseFailure;
import io.jenkins.plugins.immutable.agent.RollbackOperation;
import io.jenkins.plugins.immutable.engine.testing.FrontendLoad;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import io.jenkins.plugins.immutable.record.DeploymentOutcome;
import io.jenkins.plugins.immutable.record.RecordedCanaryStep;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.Recording;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import io.jenkins.plugins.immutable.record.RollbackTargets;
import io.jenkins.plugins.immutable.testing.CapturingListener;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * immutableDeploy, immutablePromote and immutableRollback's agent side against the real Docker daemon, registry and
 * a real HAProxy: the router's frontend answers with the page of the release that is live.
 */
class PluginDeployIT {

    private final TestServices services = TestServices.get();

    @TempDir
    Path root;
    HaproxyProcess haproxy;
    AgentSettings settings;
    String repository;
    String app;
    String environment;
    CapturingListener log;
    String suffix;

    @BeforeEach
    void startRouter() throws Exception {
        haproxy = HaproxyProcess.start(root.resolve("haproxy"), "app");
        settings = new AgentSettings(root.resolve("state").toString(), services.dockerHost());
        repository = services.registry() + "/plugin-it/" + ItSupport.unique("web");
        app = ItSupport.unique("app");
        environment = "staging";
        log = new CapturingListener();
        suffix = app;
    }

    /** The page of {@code version} as this test's builds serve it. */
    private String page(String version) {
        return version + " " + suffix;
    }

    @AfterEach
    void stopEverything() throws Exception {
        ItSupport.removeContainers(app, environment);
        if (haproxy != null) {
            haproxy.close();
        }
    }

    /**
     * Builds the sample app serving {@code page} plus this test's suffix: builds are reproducible, so a page shared
     * with another test run on the same daemon would give the same image id, and one run's clean-up could collide
     * with the other's running container.
     */
    private BuildOutcome build(String page, int buildNumber) throws Exception {
        Path workspace = SampleApp.write(root.resolve("ws-" + buildNumber), page + " " + suffix);
        BuildSpec spec = BuildSpec.builder().image(repository).context(".")
                .invocation("https://jenkins.example.com/job/app/" + buildNumber + "/", "app#" + buildNumber)
                .outputKey("k" + buildNumber).build();
        return run(new BuildOperation(spec, null, List.of()), workspace);
    }

    private DeploySpec.Builder deploy(BuildOutcome release) {
        return DeploySpec.builder(environment, release.ref())
                .app(app)
                .port(SampleApp.PORT)
                .health("/health", "30s")
                .haproxy(haproxy.socket().toString(), haproxy.backend())
                .keepPrevious("1h");
    }

    private <T extends Serializable> T run(EngineOperation<T> operation, Path workspace) throws Exception {
        return new EngineCallable<>(settings, log, operation).invoke(workspace.toFile(), null);
    }

    private <T extends Serializable> T run(EngineOperation<T> operation) throws Exception {
        return run(operation, root);
    }

    @Test
    void deployV1DeployV2RollBackToTheBuildThatMadeV1() throws Exception {
        BuildOutcome v1 = build("v1", 1);
        BuildOutcome v2 = build("v2", 2);
        // The job's build records, as builds #1 and #2 leave them.
        ReleaseAction build1 = new ReleaseAction();
        build1.recordRelease(v1, 1L);
        ReleaseAction build2 = new ReleaseAction();
        build2.recordRelease(v2, 2L);
        Map<Integer, ReleaseAction> job = Map.of(1, build1, 2, build2);

        EnvironmentOutcome first = run(new DeployOperation(deploy(v1).build(), null));
        assertThat(first.active().releaseId()).isEqualTo(v1.releaseId());
        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo(page("v1"));
        build1.recordDeployments(Recording.deployed(first, v1.ref(), 10L));

        EnvironmentOutcome second = run(new DeployOperation(DeploySpec.builder(environment, v2.ref()).build(), null));
        assertThat(second.active().releaseId()).isEqualTo(v2.releaseId());
        assertThat(second.previous().releaseId()).isEqualTo(v1.releaseId());
        assertThat(second.switchMillis()).isNotNull();
        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo(page("v2"));

        // immutableRollback(environment: 'staging', toBuild: 1)
        RollbackTargets.Target target = RollbackTargets.resolve(1, null, null,
                n -> Optional.ofNullable(job.get(n)).map(ReleaseAction::getReleases));
        assertThat(target.releaseId()).isEqualTo(v1.releaseId());
        EnvironmentOutcome rolledBack = run(new RollbackOperation(environment, target.releaseId(), target.digest(), null));

        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo(page("v1"));
        assertThat(rolledBack.active().releaseId()).isEqualTo(v1.releaseId());
        assertThat(Recording.rolledBack(rolledBack, 30L)).extracting(RecordedDeployment::getOutcome, RecordedDeployment::getReleaseId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeploymentOutcome.ROLLED_BACK, v1.releaseId()));
    }

    @Test
    void aCanaryIsRecordedOnTheBuildRowByRowWhetherItPassesOrIsAborted() throws Exception {
        BuildOutcome v1 = build("v1", 1);
        BuildOutcome v2 = build("v2", 2);
        BuildOutcome v3 = build("v3", 3);
        run(new DeployOperation(deploy(v1).build(), null));

        EnvironmentOutcome passed;
        try (FrontendLoad load = FrontendLoad.start(java.net.URI.create("http://127.0.0.1:" + haproxy.frontendPort() + "/"), 2)) {
            load.awaitMore(page("v1"), 20);
            passed = run(new DeployOperation(DeploySpec.builder(environment, v2.ref())
                    .canary("canary", "20,100", "500ms", "1%", null, "10").build(), null));
            load.stop();
            assertThat(load.failures.get()).as("failed requests: " + load.answers).isZero();
        }
        assertThat(passed.active().releaseId()).isEqualTo(v2.releaseId());
        RecordedDeployment good = Recording.deployed(passed, v2.ref(), 20L).get(0);
        assertThat(good.getOutcome()).isEqualTo(DeploymentOutcome.ACTIVE);
        assertThat(good.getCanarySteps()).isNotEmpty().allSatisfy(row -> assertThat(row.getShare()).isEqualTo(20));
        RecordedCanaryStep success = good.getCanarySteps().get(good.getCanarySteps().size() - 1);
        assertThat(success.getVerdict()).isEqualTo("success");
        assertThat(success.getStep()).isEqualTo(1);
        assertThat(success.getRequests()).isGreaterThanOrEqualTo(10);
        assertThat(success.getErrors()).isZero();
        assertThat(success.getDetail()).startsWith("step 1 (20%): success: " + success.getRequests() + " requests");

        // No traffic now: three inconclusive intervals abort it, and the failure carries the rows to the build record.
        ReleaseFailure failure = org.assertj.core.api.Assertions.catchThrowableOfType(ReleaseFailure.class,
                () -> run(new DeployOperation(DeploySpec.builder(environment, v3.ref())
                        .canary("canary", "10,100", "300ms", "1%", null, "10").build(), null)));
        assertThat(failure.failedSafely()).isTrue();
        RecordedDeployment aborted = Recording.aborted(environment, v3.ref(), 30L, failure.canarySteps());
        assertThat(aborted.getCanarySteps()).extracting(RecordedCanaryStep::getVerdict)
                .containsExactly("inconclusive", "inconclusive", "inconclusive", "aborted");
        assertThat(aborted.getCanarySteps()).extracting(RecordedCanaryStep::getShare).containsOnly(10);
        assertThat(aborted.getOutcomeLabel()).isEqualTo("canary aborted at step 1 (10%), all traffic back on the stable colour");
        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo(page("v2"));
    }

    @Test
    void aManualDeployWaitsForPromotionAndARollbackWithoutTargetDiscardsIt() throws Exception {
        BuildOutcome v1 = build("v1", 1);
        BuildOutcome v2 = build("v2", 2);
        run(new DeployOperation(deploy(v1).build(), null));

        EnvironmentOutcome waiting = run(new DeployOperation(DeploySpec.builder(environment, v2.ref()).manualPromotion(true).build(), null));
        assertThat(waiting.preview().releaseId()).isEqualTo(v2.releaseId());
        assertThat(waiting.switchMillis()).isNull();
        assertThat(Recording.deployed(waiting, v2.ref(), 1L)).extracting(RecordedDeployment::getOutcome).containsExactly(DeploymentOutcome.HEALTHY);
        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo(page("v1"));

        EnvironmentOutcome discarded = run(new RollbackOperation(environment, null, null, null));
        assertThat(discarded.discarded().releaseId()).isEqualTo(v2.releaseId());
        assertThat(discarded.preview()).isNull();
        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo(page("v1"));

        EnvironmentOutcome again = run(new DeployOperation(DeploySpec.builder(environment, v2.ref()).manualPromotion(true).build(), null));
        assertThat(again.preview().releaseId()).isEqualTo(v2.releaseId());
        EnvironmentOutcome promoted = run(new PromoteOperation(environment));
        assertThat(promoted.active().releaseId()).isEqualTo(v2.releaseId());
        assertThat(promoted.switchMillis()).isNotNull();
        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo(page("v2"));
    }

    @Test
    void aDeployThatFailsItsHealthCheckFailsSafelyAndLeavesTrafficAlone() throws Exception {
        BuildOutcome v1 = build("v1", 1);
        BuildOutcome v2 = build("v2", 2);
        run(new DeployOperation(deploy(v1).build(), null));

        assertThatThrownBy(() -> run(new DeployOperation(DeploySpec.builder(environment, v2.ref())
                .health("/no-such-page", "3s").build(), null)))
                .isInstanceOfSatisfying(ReleaseFailure.class, f -> assertThat(f.failedSafely()).isTrue());

        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo(page("v1"));
    }

    @Test
    void deployingTheLiveReleaseAgainIsANoOpSoAResumedStepMayRepeatIt() throws Exception {
        BuildOutcome v1 = build("v1", 1);
        EnvironmentOutcome first = run(new DeployOperation(deploy(v1).build(), null));

        EnvironmentOutcome repeated = run(new DeployOperation(DeploySpec.builder(environment, v1.ref()).build(), null));

        assertThat(repeated.active().colour()).isEqualTo(first.active().colour());
        assertThat(repeated.switchMillis()).isNull();
        assertThat(ItSupport.routerAnswer(haproxy.frontendPort())).isEqualTo(page("v1"));
        assertThat(log.text()).isNotBlank();
    }
}
