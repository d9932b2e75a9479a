package io.jenkins.plugins.immutable.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.immutable.engine.api.CanaryReport;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.router.AdminState;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.testing.FrontendLoad;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.SwarmFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canaries on the real three-node Swarm: each colour a service of 3 replicas, HAProxy with a server per replica per
 * colour; each colour's share spread over its group's weights, the canary judged on the sum of its group's counters.
 */
class SwarmCanaryIT {

    private static final int REPLICAS = 3;

    @TempDir
    Path dir;

    private SwarmFixture env;
    private final List<EngineEvent.CanaryStep> steps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        env = new SwarmFixture(dir, REPLICAS);
        env.engine().onEvent(e -> {
            if (e instanceof EngineEvent.CanaryStep step) {
                steps.add(step);
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        if (env != null) {
            env.close();
        }
    }

    private DeployRequest canary(ImageRef ref, String stepList) throws Exception {
        return env.deployRequest(ref).strategy("canary").canary(stepList, "1s", "1%", null, "20").build();
    }

    @Test
    void aGoodCanaryOfThreeReplicasReachesAllTrafficWithNoFailedRequestAndEachStepGetsItsShare() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        List<int[]> marks = new CopyOnWriteArrayList<>();
        List<String> weightsSeen = new CopyOnWriteArrayList<>();
        EnvironmentView view;
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 4)) {
            env.engine().onEvent(e -> {
                if (e instanceof EngineEvent.CanaryStep step && !step.verdict().equals("inconclusive")) {
                    marks.add(new int[] {step.share(), load.count("v1"), load.count("v2")});
                    if (step.verdict().equals("begun")) {
                        weightsSeen.add(step.share() + ":" + call(() -> env.router().weights().toString()));
                    }
                }
            });
            load.awaitMore("v1", 50);
            view = env.engine().engine().deploy(canary(v2, "10,50,100"));
            load.awaitMore("v2", 50);
            load.stop();
            assertThat(load.failures.get()).as("failed requests: " + load.answers).isZero();
            System.out.printf("swarm canary under load: %d requests, 0 failed; weights at each step %s%n", load.total(), weightsSeen);
        }
        assertThat(view.active().ref()).isEqualTo(v2);
        assertThat(view.active().colour()).isEqualTo(Colour.GREEN);
        assertThat(steps).extracting(EngineEvent.CanaryStep::verdict).containsSubsequence("begun", "success", "begun", "success");
        // Each colour's weights add up to its share: blue 90 and green 10, then 50 and 50.
        assertThat(weightsSeen).containsExactly("10:{BLUE=90, GREEN=10}", "50:{BLUE=50, GREEN=50}");
        assertThat(marks).as("a begin and a verdict for the steps 10 and 50").hasSize(4);
        for (int i = 0; i + 1 < marks.size(); i += 2) {
            int[] begun = marks.get(i);
            int[] judged = marks.get(i + 1);
            int v1Answers = judged[1] - begun[1];
            int v2Answers = judged[2] - begun[2];
            double measured = 100.0 * v2Answers / (v1Answers + v2Answers);
            System.out.printf("swarm canary step %d%%: measured %.1f%% (%d of %d)%n", begun[0], measured, v2Answers,
                    v1Answers + v2Answers);
            assertThat(measured).as("share measured by clients at step " + begun[0] + "% (" + v2Answers + " of "
                    + (v1Answers + v2Answers) + ")").isBetween(begun[0] - 5.0, begun[0] + 5.0);
        }
        HaproxyRouter router = env.router();
        assertThat(router.split()).as("every weight back to the engine's after the switch").isFalse();
        RouterState state = router.state();
        assertThat(state.routes(Colour.GREEN)).as(state.describe()).hasSize(REPLICAS);
        assertThat(state.members(Colour.BLUE)).allMatch(m -> m.admin() == AdminState.MAINT);
        CanaryReport report = env.engine().engine().status(SwarmFixture.ENVIRONMENT).canary();
        assertThat(report.outcome()).isEqualTo(CanaryReport.PROMOTED);
    }

    @Test
    void aCanaryThatAnswers500IsAbortedAtItsFirstStepAndItsServiceRemovedStableUntouched() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef bad = releaseThatFailsRequests("v2");
        env.deploy(v1);
        RouterState stableBefore = env.router().state();
        ReleaseException e;
        int answersDuring;
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 4)) {
            load.awaitMore("v1", 50);
            int answersBefore = load.total();
            e = catchThrowableOfType(ReleaseException.class, () -> env.engine().engine().deploy(canary(bad, "10,50,100")));
            answersDuring = load.total() - answersBefore;
            int failedAtAbort = load.failures.get();
            load.awaitMore("v1", 50);
            load.stop();
            assertThat(load.failures.get() - failedAtAbort).as("failures after the abort returned").isLessThanOrEqualTo(4);
            assertThat(load.failures.get()).as("failed requests of " + answersDuring + " during the canary: " + load.answers)
                    .isPositive().isLessThanOrEqualTo((int) Math.ceil(answersDuring * 0.15));
            System.out.printf("swarm canary aborted: %d failed of %d requests during the canary (step share 10%%)%n",
                    load.failures.get(), answersDuring);
        }
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ReleaseException.Kind.FAILED_SAFELY);
        assertThat(e.getMessage()).contains("step 1 (10%) failed", "All traffic is on blue", "service was removed");
        assertThat(steps).extracting(EngineEvent.CanaryStep::share).doesNotContain(50);
        assertThat(steps).extracting(EngineEvent.CanaryStep::verdict).contains("failure", "aborted");
        assertThat(env.services()).containsExactly(env.service("blue"));
        HaproxyRouter router = env.router();
        RouterState after = router.state();
        assertThat(after.live()).containsExactly(Colour.BLUE);
        assertThat(after.routes(Colour.BLUE)).as("stable untouched").isEqualTo(stableBefore.routes(Colour.BLUE)).hasSize(REPLICAS);
        assertThat(after.members(Colour.GREEN)).allMatch(m -> m.admin() == AdminState.MAINT);
        assertThat(router.split()).isFalse();
        CanaryReport last = env.engine().engine().status(SwarmFixture.ENVIRONMENT).canary();
        assertThat(last.outcome()).isEqualTo(CanaryReport.ABORTED);
        CanaryReport.Step failed = last.steps().get(last.steps().size() - 2);
        assertThat(failed.share()).isEqualTo(10);
        assertThat(failed.errors()).as("the group's summed counters").isPositive().isLessThanOrEqualTo(failed.requests());
    }

    @Test
    void anOperatorsAbortAtAPauseReturnsAllTrafficToTheStableGroupAtOnce() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        try (FrontendLoad load = FrontendLoad.start(env.frontend(), 2)) {
            java.util.concurrent.CompletableFuture<EnvironmentView> deploy = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> call(() -> env.engine().engine().deploy(canary(v2, "25,pause,100"))));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (steps.stream().noneMatch(s -> s.text().contains("pause"))) {
                assertThat(System.nanoTime() - deadline).as("waited for the pause: " + steps).isNegative();
                Thread.sleep(20);
            }
            load.awaitMore("v2", 5);
            assertThat(env.engine().engine().status(SwarmFixture.ENVIRONMENT).notes())
                    .anyMatch(n -> n.startsWith("Canary in progress: HAProxy weights blue 75, green 25"));
            env.engine().engine().abort(SwarmFixture.ENVIRONMENT);
            int v2AfterAbort = load.count("v2");
            load.awaitMore("v1", 50);
            assertThat(load.count("v2") - v2AfterAbort).as("v2 answers after abort returned").isLessThanOrEqualTo(2);
            Throwable failure = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
                    () -> deploy.get(30, java.util.concurrent.TimeUnit.SECONDS)).getCause();
            assertThat(failure.getCause()).isInstanceOf(ReleaseException.class).hasMessageContaining("an operator aborted it");
            load.stop();
            assertThat(load.failures.get()).as("failed requests: " + load.answers).isZero();
        }
        assertThat(env.services()).containsExactly(env.service("blue"));
        assertThat(env.router().split()).isFalse();
        assertThat(env.router().state().live()).containsExactly(Colour.BLUE);
    }

    @Test
    void aCanaryKilledMidStepIsAbortedBackToTheStableGroupByTheNextCommand() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        String phase = "deploy.canary-share-set";
        Path log = dir.resolve("engine-canary.log");
        // The environment stores platform swarm and its replicas: the child's deploy names neither.
        Process process = io.jenkins.plugins.immutable.engine.testing.EngineMain.start(phase, log, "deploy-canary",
                env.engine().stateDir().toString(), env.swarm().dockerHost(), SwarmFixture.ENVIRONMENT, v2.toString(), env.app(),
                env.haproxy().socket().toString(), "10,50,100", "1s");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("IMMUTABLE_PAUSED_AT " + phase)) {
            assertThat(process.isAlive()).as("reaches %s (log: %s)", phase, Files.readString(log)).isTrue();
            assertThat(System.nanoTime() - deadline).as("reaching " + phase).isNegative();
            Thread.sleep(50);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        HaproxyRouter router = env.router();
        assertThat(router.canarySplit()).as("killed with the split on the router: " + router.weights()).isTrue();
        assertThat(router.weights()).containsEntry(Colour.BLUE, 90).containsEntry(Colour.GREEN, 10);

        EnvironmentView next = env.deploy(v1);

        assertThat(next.notes()).anyMatch(n -> n.startsWith("Found a canary left split on HAProxy")
                && n.contains("aborted it back to the stable colour blue"));
        assertThat(router.split()).isFalse();
        RouterState state = router.state();
        assertThat(state.live()).containsExactly(Colour.BLUE);
        assertThat(state.routes(Colour.BLUE)).hasSize(REPLICAS);
        assertThat(env.services()).containsExactly(env.service("blue"));
    }

    /** A release whose {@code /health} answers ok but whose page answers 500 (busybox httpd's CGI, as on one host). */
    private ImageRef releaseThatFailsRequests(String page) throws Exception {
        Path context = SampleApp.write(dir.resolve("contexts").resolve("fails-" + page), page);
        Files.writeString(context.resolve("Dockerfile"), SampleApp.DOCKERFILE.replace("COPY www /www",
                "COPY www /www\nCOPY busybox /bin/sh"));
        Files.delete(context.resolve("www/index.html"));
        Path cgi = context.resolve("www/cgi-bin/index.cgi");
        Files.createDirectories(cgi.getParent());
        Files.writeString(cgi, "#!/bin/sh\nprintf 'Status: 500 Internal Server Error\\r\\nContent-Type: text/plain\\r\\n\\r\\n"
                + page + " failed\\n'\n");
        cgi.toFile().setExecutable(true, false);
        return env.engine().engine().build(env.engine().request(env.engine().repository("hello"), context).build()).release().ref();
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
