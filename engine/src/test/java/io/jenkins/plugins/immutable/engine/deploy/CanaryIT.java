package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.immutable.engine.api.CanaryReport;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.HaproxyRuntime;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import io.jenkins.plugins.immutable.engine.testing.FrontendLoad;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canaries through a real HAProxy under a bounded loopback load: shares by weights, analysis from HAProxy's own
 * counters, abort on a breach, on no data, and on an operator's word.
 */
class CanaryIT {

    @TempDir
    Path dir;

    private BlueGreenFixture env;
    private final List<EngineEvent.CanaryStep> steps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        env = new BlueGreenFixture(dir);
        env.engine().onEvent(e -> {
            if (e instanceof EngineEvent.CanaryStep step) {
                steps.add(step);
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        env.close();
    }

    private DeployRequest canary(ImageRef ref, String stepList, String interval) throws Exception {
        return env.deployRequest(ref).strategy("canary").canary(stepList, interval, "1%", null, "20").build();
    }

    @Test
    void aGoodCanaryReachesAllTrafficWithNoFailedRequestAndEachStepGetsItsShare() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        // The share a step measures: the clients' answers from the moment it began until it was judged.
        List<int[]> marks = new CopyOnWriteArrayList<>();
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 4)) {
            env.engine().onEvent(e -> {
                if (e instanceof EngineEvent.CanaryStep step && !step.verdict().equals("inconclusive")) {
                    marks.add(new int[] {step.share(), load.count("v1"), load.count("v2")});
                }
            });
            load.awaitMore("v1", 50);
            EnvironmentView view = env.engine().engine().deploy(canary(v2, "10,50,100", "1s"));
            load.awaitMore("v2", 50);
            load.stop();

            assertThat(view.active().ref()).isEqualTo(v2);
            assertThat(load.failures.get()).as("failed requests: " + load.answers + env.haproxy().unusualRequests()).isZero();
            assertThat(steps).extracting(EngineEvent.CanaryStep::verdict).containsSubsequence("begun", "success", "begun",
                    "success");
            assertThat(marks).as("a begin and a verdict for the steps 10 and 50").hasSize(4);
            for (int i = 0; i + 1 < marks.size(); i += 2) {
                int[] begun = marks.get(i);
                int[] judged = marks.get(i + 1);
                int v1Answers = judged[1] - begun[1];
                int v2Answers = judged[2] - begun[2];
                double measured = 100.0 * v2Answers / (v1Answers + v2Answers);
                assertThat(measured).as("share measured by clients at step " + begun[0] + "% (" + v2Answers + " of "
                        + (v1Answers + v2Answers) + ")").isBetween(begun[0] - 5.0, begun[0] + 5.0);
            }
        }
        assertThat(new HaproxyRouter(new HaproxyRuntime(env.haproxy().socket()), "app").weights().values())
                .as("weights back to the engine's after the switch").containsOnly(HaproxyRouter.ENGINE_WEIGHT);
    }

    @Test
    void aCanaryThatAnswers500IsAbortedAtItsFirstStepWithFailuresBoundedByItsShare() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef bad = env.releaseThatFailsRequests("v2");
        env.deploy(v1);
        ReleaseException e;
        int answersBefore;
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 4)) {
            load.awaitMore("v1", 50);
            answersBefore = load.total();
            e = catchThrowableOfType(ReleaseException.class, () -> env.engine().engine().deploy(canary(bad, "10,50,100", "1s")));
            int answersDuring = load.total() - answersBefore;
            int failedAfterAbort = load.failures.get();
            load.awaitMore("v1", 50);
            load.stop();
            // Only answers a client had already been sent could still arrive after the abort returned: one per client.
            assertThat(load.failures.get() - failedAfterAbort).as("failures after the abort returned").isLessThanOrEqualTo(4);
            assertThat(load.failures.get()).as("failed requests of " + answersDuring + " during the canary: " + load.answers)
                    .isPositive().isLessThanOrEqualTo((int) Math.ceil(answersDuring * 0.15));
        }
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ReleaseException.Kind.FAILED_SAFELY);
        assertThat(e.getMessage()).contains("step 1 (10%) failed", "errors", "All traffic is on");
        assertThat(steps).extracting(EngineEvent.CanaryStep::share).doesNotContain(50);
        assertThat(steps).extracting(EngineEvent.CanaryStep::verdict).contains("failure", "aborted");
        assertThat(env.get()).isEqualTo("v1");
        assertThat(env.engine().containerNames()).noneMatch(n -> n.contains(env.app() + "-staging-") && n.endsWith("green"));
        assertThat(env.engine().engine().history("staging")).anyMatch(r -> r.state() == DeploymentState.ABORTED
                && r.detail().contains("canary aborted"));
        // status reports the last canary row by row from the history: the failed step's figures, then the abort
        CanaryReport last = env.engine().engine().status("staging").canary();
        assertThat(last.outcome()).isEqualTo(CanaryReport.ABORTED);
        assertThat(last.steps()).extracting(CanaryReport.Step::verdict).endsWith("failure", "aborted");
        CanaryReport.Step failed = last.steps().get(last.steps().size() - 2);
        assertThat(failed.share()).isEqualTo(10);
        assertThat(failed.errors()).isPositive().isLessThanOrEqualTo(failed.requests());
        assertThat(last.steps().get(last.steps().size() - 1).reason()).startsWith("step 1 (10%) failed");
    }

    @Test
    void aCanaryWithNoTrafficStaysInconclusiveAndAbortsAtItsLimit() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        ReleaseException e = catchThrowableOfType(ReleaseException.class,
                () -> env.engine().engine().deploy(canary(v2, "10,100", "500ms")));
        assertThat(e.kind()).isEqualTo(ReleaseException.Kind.FAILED_SAFELY);
        assertThat(e.getMessage()).contains("inconclusive for 3 intervals");
        assertThat(steps).extracting(EngineEvent.CanaryStep::verdict).containsExactly("begun", "inconclusive", "inconclusive",
                "inconclusive", "aborted");
        assertThat(env.get()).isEqualTo("v1");
    }

    @Test
    void aPauseWaitsForPromote() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 2)) {
            CompletableFuture<EnvironmentView> deploy = CompletableFuture.supplyAsync(() -> call(() ->
                    env.engine().engine().deploy(canary(v2, "10,pause,100", "500ms"))));
            awaitPause();
            load.awaitMore("v2", 5);
            Thread.sleep(1_500);
            assertThat(deploy).as("a pause never ends by itself").isNotDone();
            assertThat(env.engine().engine().status("staging").notes()).anyMatch(n -> n.startsWith("Canary in progress:"
                    + " HAProxy weights blue 90, green 10") && n.contains("pause at 10%"));
            CanaryReport during = env.engine().engine().status("staging").canary();
            assertThat(during.outcome()).isEqualTo(CanaryReport.IN_PROGRESS);
            assertThat(during.steps()).extracting(CanaryReport.Step::share).containsOnly(10);
            env.engine().engine().promote("staging");
            EnvironmentView view = deploy.get(30, TimeUnit.SECONDS);
            assertThat(view.previous().releaseId()).isNotEqualTo(view.active().releaseId());
            load.awaitMore("v2", 20);
            load.stop();
            assertThat(load.failures.get()).as("failed requests: " + load.answers + env.haproxy().unusualRequests()).isZero();
        }
        assertThat(env.get()).isEqualTo("v2");
        assertThat(steps).extracting(EngineEvent.CanaryStep::verdict).contains("promoted");
        CanaryReport after = env.engine().engine().status("staging").canary();
        assertThat(after.outcome()).isEqualTo(CanaryReport.PROMOTED);
        assertThat(after.steps()).extracting(CanaryReport.Step::verdict).endsWith("promoted");
        assertThat(after.steps().get(after.steps().size() - 1).requests()).as("the promote's row has the pause's figures")
                .isPositive();
    }

    @Test
    void withManualPromotionTheCanaryRunsAndItsLastShareWaitsForPromote() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 2)) {
            CompletableFuture<EnvironmentView> deploy = CompletableFuture.supplyAsync(() -> call(() ->
                    env.engine().engine().deploy(env.deployRequest(v2).strategy("canary").manualPromotion(true)
                            .canary("10,100", "500ms", "1%", null, "5").build())));
            awaitPause();
            load.awaitMore("v2", 5);
            Thread.sleep(1_500);
            assertThat(deploy).as("the gate holds the canary's share; it never takes all traffic by itself").isNotDone();
            assertThat(steps).extracting(EngineEvent.CanaryStep::verdict).as("judged before the gate")
                    .containsSubsequence("begun", "success", "begun");
            assertThat(steps).extracting(EngineEvent.CanaryStep::text).anyMatch(t -> t.contains("step 2/3: pause at 10%"));
            assertThat(env.engine().engine().status("staging").notes()).anyMatch(n -> n.startsWith("Canary in progress:"
                    + " HAProxy weights blue 90, green 10"));
            int v1Before = load.count("v1");
            load.awaitMore("v1", 20);
            assertThat(load.count("v1")).as("the stable colour still serves most requests").isGreaterThan(v1Before);

            env.engine().engine().promote("staging");
            EnvironmentView view = deploy.get(30, TimeUnit.SECONDS);
            assertThat(view.active().ref()).isEqualTo(v2);
            assertThat(view.preview()).as("nothing is left waiting: the promote was the gate").isNull();
            load.awaitMore("v2", 20);
            load.stop();
            assertThat(load.failures.get()).as("failed requests: " + load.answers + env.haproxy().unusualRequests()).isZero();
        }
        assertThat(env.get()).isEqualTo("v2");
        assertThat(steps).extracting(EngineEvent.CanaryStep::verdict).endsWith("promoted");
    }

    @Test
    void abortDuringACanaryReturnsAllTrafficToStableAtOnce() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 2)) {
            CompletableFuture<EnvironmentView> deploy = CompletableFuture.supplyAsync(() -> call(() ->
                    env.engine().engine().deploy(canary(v2, "10,pause,100", "500ms"))));
            awaitPause();
            load.awaitMore("v2", 5);
            env.engine().engine().abort("staging");
            int v2AfterAbort = load.count("v2");
            load.awaitMore("v1", 100);
            assertThat(load.count("v2") - v2AfterAbort).as("v2 answers after abort returned").isLessThanOrEqualTo(2);
            Throwable failure = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
                    () -> deploy.get(30, TimeUnit.SECONDS)).getCause();
            assertThat(failure).isInstanceOf(IllegalStateException.class);
            assertThat(failure.getCause()).isInstanceOf(ReleaseException.class).hasMessageContaining("an operator aborted it");
            load.stop();
            assertThat(load.failures.get()).as("failed requests: " + load.answers + env.haproxy().unusualRequests()).isZero();
        }
        assertThat(env.get()).isEqualTo("v1");
        assertThat(env.engine().containerNames()).noneMatch(n -> n.contains(env.app() + "-staging-green"));
    }

    @Test
    void aCanaryKilledMidStepIsAbortedBackToStableByTheNextCommand() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        String phase = "deploy.canary-share-set";
        Path log = dir.resolve("engine-canary.log");
        Process process = io.jenkins.plugins.immutable.engine.testing.EngineMain.start(phase, log, "deploy-canary",
                env.engine().stateDir().toString(), io.jenkins.plugins.immutable.engine.testing.TestServices.get().dockerHost(),
                BlueGreenFixture.ENVIRONMENT, v2.toString(), env.app(), env.haproxy().socket().toString(), "10,50,100", "1s");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!java.nio.file.Files.readString(log).contains(FaultPoints.MARKER + phase)) {
            assertThat(process.isAlive()).as("reaches %s (log: %s)", phase, java.nio.file.Files.readString(log)).isTrue();
            assertThat(System.nanoTime() - deadline).as("reaching " + phase).isNegative();
            Thread.sleep(50);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        HaproxyRouter router = new HaproxyRouter(new HaproxyRuntime(env.haproxy().socket()), "app");
        assertThat(router.split()).as("killed with the split on the router").isTrue();

        // Any command that changes the environment reconciles first: here a deploy of what is live.
        EnvironmentView next = env.deploy(v1);

        assertThat(next.notes()).anyMatch(n -> n.startsWith("Found a canary left split on HAProxy")
                && n.contains("aborted it back to the stable colour blue"));
        assertThat(router.split()).isFalse();
        assertThat(router.state().live()).containsExactly(io.jenkins.plugins.immutable.engine.api.Colour.BLUE);
        for (int i = 0; i < 20; i++) {
            assertThat(env.get()).isEqualTo("v1");
        }
        assertThat(env.engine().containerNames()).noneMatch(n -> n.equals(env.app() + "-staging-green"));
    }

    private void awaitPause() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (steps.stream().noneMatch(s -> s.text().contains("pause"))) {
            assertThat(System.nanoTime() - deadline).as("waited for the pause: " + steps).isNegative();
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
