package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import io.jenkins.plugins.immutable.engine.testing.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploy, switch and roll back through a real HAProxy, with containers on the real daemon. */
class BlueGreenDeployIT {

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
    void deployTwiceThenRollBackIsASwitchWithNoContainerStarted() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");

        EnvironmentView first = env.deploy(v1);
        assertThat(first.active().colour()).isEqualTo(Colour.BLUE);
        assertThat(first.switchMillis()).isNotNull();
        assertThat(env.get()).isEqualTo("v1");

        EnvironmentView second = env.deploy(v2);
        assertThat(env.get()).isEqualTo("v2");
        assertThat(second.active().colour()).isEqualTo(Colour.GREEN);
        assertThat(second.previous().state()).isEqualTo(DeploymentState.WARM);
        assertThat(second.routerLive()).isEqualTo("green");
        String blueContainer = env.app() + "-staging-blue";
        assertThat(env.engine().docker().inspectContainerCmd(blueContainer).exec().getState().getRunning()).isTrue();

        List<String> containersBefore = containerIds();
        EnvironmentView back = env.engine().engine().rollback(RollbackRequest.of("staging", null, null));

        assertThat(env.get()).isEqualTo("v1");
        assertThat(containerIds()).isEqualTo(containersBefore);
        assertThat(back.active().colour()).isEqualTo(Colour.BLUE);
        assertThat(back.active().ref()).isEqualTo(v1);
        assertThat(back.previous().ref()).isEqualTo(v2);
        assertThat(back.previous().state()).isEqualTo(DeploymentState.WARM);
        assertThat(back.notes()).anyMatch(n -> n.contains("no container is started"));
        assertThat(env.engine().engine().status("staging").routerLive()).isEqualTo("blue");
    }

    @Test
    void rollBackByReleaseIdRedeploysACold1AndByDigestSwitchesToAWarmOne() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        ImageRef v3 = env.release("v3");
        env.deploy(v1);
        env.deploy(v2);
        env.deploy(v3);
        assertThat(env.get()).isEqualTo("v3");

        String v1Id = "rel-" + v1.digest().shortHex(12);
        EnvironmentView cold = env.engine().engine().rollback(RollbackRequest.of("staging", v1Id, null));
        assertThat(env.get()).isEqualTo("v1");
        assertThat(cold.active().releaseId()).isEqualTo(v1Id);
        assertThat(cold.notes()).anyMatch(n -> n.contains("deployed again"));

        EnvironmentView warm = env.engine().engine().rollback(RollbackRequest.of("staging", null, v3.digest().value()));
        assertThat(env.get()).isEqualTo("v3");
        assertThat(warm.active().ref()).isEqualTo(v3);
        assertThat(warm.notes()).anyMatch(n -> n.contains("still warm"));
    }

    @Test
    void deployingTheLiveReleaseAgainChangesNothing() throws Exception {
        ImageRef v1 = env.release("v1");
        env.deploy(v1);
        List<String> before = containerIds();
        EnvironmentView again = env.deploy(v1);
        assertThat(again.switchMillis()).isNull();
        assertThat(again.notes()).anyMatch(n -> n.contains("already live"));
        assertThat(containerIds()).isEqualTo(before);
    }

    @Test
    void aLiveReleaseWhoseContainerIsGoneIsDeployedAgain() throws Exception {
        ImageRef v1 = env.release("v1");
        env.deploy(v1);
        env.engine().docker().removeContainerCmd(env.app() + "-staging-blue").withForce(true).exec();
        assertThat(env.get()).isEqualTo("HTTP 503");

        EnvironmentView again = env.deploy(v1);

        assertThat(again.notes()).anyMatch(n -> n.contains("does not answer its health check: deploying it again"));
        assertThat(again.active().colour()).isEqualTo(Colour.GREEN);
        assertThat(again.previous().state()).isEqualTo(DeploymentState.RETIRED);
        assertThat(env.get()).isEqualTo("v1");
    }

    @Test
    void historyRecordsEveryStepNewestFirst() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        env.deploy(v2);
        var history = env.engine().engine().history("staging");
        assertThat(history.get(0).state()).isEqualTo(DeploymentState.WARM);
        assertThat(history.get(0).ref()).isEqualTo(v1);
        assertThat(history.get(1).state()).isEqualTo(DeploymentState.ACTIVE);
        assertThat(history.get(1).ref()).isEqualTo(v2);
        assertThat(history).extracting(h -> h.state()).contains(DeploymentState.STARTING, DeploymentState.HEALTHY);
        var listing = env.engine().engine().releases();
        assertThat(listing.get(0).release().ref()).isEqualTo(v2);
        assertThat(listing.get(0).placements()).extracting(p -> p.state()).containsExactly(DeploymentState.ACTIVE);
        assertThat(listing.get(1).placements()).extracting(p -> p.state()).containsExactly(DeploymentState.WARM);
    }

    @Test
    void aDigestThisLedgerDidNotBuildIsAdoptedAndRecorded() throws Exception {
        ImageRef v1 = env.release("v1");
        String id = "rel-" + v1.digest().shortHex(12);
        try (EngineFixture elsewhere = new EngineFixture(dir.resolve("elsewhere-state"))) {
            assertThat(elsewhere.engine().releases()).as("this ledger never built anything").isEmpty();

            EnvironmentView view = elsewhere.engine().deploy(env.deployRequest(v1).build());

            assertThat(view.notes()).contains("Recorded " + id + " for " + v1 + ", which was not built here.");
            assertThat(view.active().ref()).isEqualTo(v1);
            assertThat(env.get()).isEqualTo("v1");
            assertThat(elsewhere.engine().releases()).singleElement().satisfies(listing -> {
                assertThat(listing.release().id()).isEqualTo(id);
                assertThat(listing.release().ref()).isEqualTo(v1);
                assertThat(listing.release().app()).isEqualTo(env.app());
                assertThat(listing.release().inputDigest()).as("its inputs are not known here").isNull();
                assertThat(listing.release().builderId()).isEqualTo("adopted by a deploy to staging");
                assertThat(listing.placements()).extracting(p -> p.state()).containsExactly(DeploymentState.ACTIVE);
            });
        }
    }

    private List<String> containerIds() {
        return env.engine().docker().listContainersCmd().withShowAll(true).exec().stream()
                .filter(c -> c.getNames()[0].contains(env.app())).map(c -> c.getId()).sorted().toList();
    }
}
