package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traffic only ever moves to a colour that passed its health check; everything else is undone. */
class DeployFailureIT {

    @TempDir
    Path dir;

    private BlueGreenFixture env;

    @BeforeEach
    void open() throws Exception {
        env = new BlueGreenFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        env.close();
    }

    @Test
    void anUnhealthyReleaseIsAbortedAndTrafficStays() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef broken = env.releaseWithoutHealth("v2-broken");
        env.deploy(v1);

        ReleaseException e = catchThrowableOfType(ReleaseException.class, () -> env.engine().engine()
                .deploy(env.deployRequest(broken).healthTimeout("3s").build()));

        assertThat(e.kind()).isEqualTo(Kind.FAILED_SAFELY);
        assertThat(e.getMessage()).contains("failed its health check").contains("HTTP 404")
                .contains("Traffic did not move: it stays on blue").contains("container was removed");
        assertThat(env.get()).isEqualTo("v1");
        assertThat(env.engine().containerNames()).doesNotContain(env.app() + "-staging-green");
        EnvironmentView status = env.engine().engine().status("staging");
        assertThat(status.active().ref()).isEqualTo(v1);
        assertThat(status.routerLive()).isEqualTo("blue");
        assertThat(env.engine().engine().history("staging").get(0).state()).isEqualTo(DeploymentState.ABORTED);
    }

    @Test
    void aContainerThatExitsFailsAtOnceWithItsExitCodeAndOutput() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef exits = env.releaseThatExits("v2-exits");
        env.deploy(v1);

        ReleaseException e = catchThrowableOfType(ReleaseException.class, () -> env.engine().engine()
                .deploy(env.deployRequest(exits).healthTimeout("60s").build()));

        // The reason is the stopped container, not the timeout ("no 3 healthy answers … within 60s"): it failed at once.
        assertThat(e.getMessage()).contains("stopped (exit code 3)").contains("giving up").contains("Traffic did not move")
                .doesNotContain("within 60s");
        assertThat(env.get()).isEqualTo("v1");
        assertThat(env.engine().containerNames()).doesNotContain(env.app() + "-staging-green");
    }

    @Test
    void manualPromotionWaitsThenPromoteSwitchesAndAbortRemoves() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        ImageRef v3 = env.release("v3");
        env.deploy(v1);

        EnvironmentView waiting = env.engine().engine().deploy(env.deployRequest(v2).manualPromotion(true).build());
        assertThat(waiting.switchMillis()).isNull();
        assertThat(waiting.preview().state()).isEqualTo(DeploymentState.HEALTHY);
        assertThat(waiting.preview().colour()).isEqualTo(Colour.GREEN);
        assertThat(env.get()).isEqualTo("v1");

        EnvironmentView promoted = env.engine().engine().promote("staging");
        assertThat(promoted.switchMillis()).isNotNull();
        assertThat(env.get()).isEqualTo("v2");

        // manualPromotion is stored with the environment: the next deploy waits too.
        EnvironmentView preview = env.deploy(v3);
        assertThat(preview.preview().ref()).isEqualTo(v3);
        assertThat(env.get()).isEqualTo("v2");
        EnvironmentView aborted = env.engine().engine().abort("staging");
        assertThat(aborted.preview()).isNull();
        assertThat(env.engine().containerNames()).doesNotContain(env.app() + "-staging-blue");
        assertThat(env.get()).isEqualTo("v2");

        InvalidInputException nothing = catchThrowableOfType(InvalidInputException.class,
                () -> env.engine().engine().promote("staging"));
        assertThat(nothing.getMessage()).contains("nothing in 'staging' waits for promotion");
    }

    @Test
    void rollbackWithAPreviewWaitingDiscardsIt() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        env.engine().engine().deploy(env.deployRequest(v2).manualPromotion(true).build());

        EnvironmentView back = env.engine().engine().rollback(RollbackRequest.of("staging", null, null));

        assertThat(back.preview()).isNull();
        assertThat(back.active().ref()).isEqualTo(v1);
        assertThat(back.notes()).anyMatch(n -> n.contains("traffic never moved"));
        assertThat(env.get()).isEqualTo("v1");
    }

    @Test
    void ofTwoConcurrentDeploysExactlyOneProceeds() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<EnvironmentView>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.submit((Callable<EnvironmentView>) () -> {
                go.await();
                return env.deploy(v2);
            }));
        }
        go.countDown();
        int succeeded = 0;
        List<String> refusals = new ArrayList<>();
        for (Future<EnvironmentView> result : results) {
            try {
                result.get();
                succeeded++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ReleaseException.class);
                refusals.add(e.getCause().getMessage());
            }
        }
        pool.shutdown();
        assertThat(succeeded).isEqualTo(1);
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0)).contains("pid " + ProcessHandle.current().pid()).contains("deploy");
        assertThat(env.get()).isEqualTo("v2");
    }

    @Test
    void aDigestTheRegistryNoLongerServesIsRefusedForAColdRollback() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        ImageRef v3 = env.release("v3");
        env.deploy(v1);
        env.deploy(v2);
        env.deploy(v3);
        var http = java.net.http.HttpClient.newHttpClient();
        var delete = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + v1.registry() + "/v2/"
                + v1.path() + "/manifests/" + v1.digest())).DELETE().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(delete.statusCode()).isEqualTo(202);

        ReleaseException e = catchThrowableOfType(ReleaseException.class, () -> env.engine().engine()
                .rollback(RollbackRequest.of("staging", "rel-" + v1.digest().shortHex(12), null)));

        assertThat(e.kind()).isEqualTo(Kind.FAILED_SAFELY);
        assertThat(e.getMessage()).contains("no longer serves " + v1.digest()).contains("Traffic did not move: it stays on blue");
        assertThat(env.get()).isEqualTo("v3");
    }

    @Test
    void anotherAppInTheSameEnvironmentIsRefusedBeforeAnythingStarts() throws Exception {
        ImageRef v1 = env.release("v1");
        env.deploy(v1);
        List<String> before = ours();
        String other = env.app() + "-other";

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> env.engine().engine().deploy(env.deployRequest(v1).app(other).build()));

        assertThat(e).as("a deploy of another app to the environment fails").isNotNull();
        assertThat(e.problems()).extracting(p -> p.field()).containsExactly("app");
        assertThat(e.getMessage()).contains("'" + other + "' differs from '" + env.app() + "', which environment 'staging' runs");
        assertThat(ours()).as("nothing was started or removed").containsExactlyInAnyOrderElementsOf(before);
        assertThat(env.get()).isEqualTo("v1");
    }

    private List<String> ours() {
        return env.engine().containerNames().stream().filter(n -> n.startsWith(env.app())).toList();
    }
}
