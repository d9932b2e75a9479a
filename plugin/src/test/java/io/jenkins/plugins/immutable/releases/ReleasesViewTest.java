package io.jenkins.plugins.immutable.releases;

import static io.jenkins.plugins.immutable.record.DeploymentOutcome.ABORTED;
import static io.jenkins.plugins.immutable.record.DeploymentOutcome.ACTIVE;
import static io.jenkins.plugins.immutable.record.DeploymentOutcome.HEALTHY;
import static io.jenkins.plugins.immutable.record.DeploymentOutcome.ROLLED_BACK;
import static io.jenkins.plugins.immutable.testing.Records.action;
import static io.jenkins.plugins.immutable.testing.Records.deployment;
import static io.jenkins.plugins.immutable.testing.Records.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.record.ReleaseAction;
import io.jenkins.plugins.immutable.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job's Releases page, from what its builds recorded. */
class ReleasesViewTest {

    private static final String A = Samples.releaseId('a');
    private static final String B = Samples.releaseId('b');
    private static final String C = Samples.releaseId('c');

    private static BuildReleases build(int number, ReleaseAction action) {
        return new BuildReleases(number, "job/app/" + number + "/", action);
    }

    /** #40 built a and put it live in staging and production; #41 built b, live in staging, waiting in production. */
    private static List<BuildReleases> twoBuilds() {
        List<BuildReleases> builds = new ArrayList<>();
        builds.add(build(40, action(outcome('a', 'e', Samples.REPO, false),
                deployment("staging", "deploy", "blue", 'a', 100, ACTIVE),
                deployment("production", "deploy", "blue", 'a', 150, ACTIVE))));
        builds.add(build(41, action(outcome('b', 'f', Samples.REPO, false),
                deployment("staging", "deploy", "green", 'b', 200, ACTIVE),
                deployment("production", "deploy", "green", 'b', 210, HEALTHY))));
        return builds;
    }

    private static EnvironmentSection section(ReleasesView view, String name) {
        return view.getEnvironments().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachEnvironmentShowsWhatIsLiveFromTheNewestDeploymentAcrossBuilds() {
        ReleasesView view = ReleasesView.of(twoBuilds());

        assertThat(view.getEnvironments()).extracting(EnvironmentSection::getName).containsExactly("production", "staging");
        EnvironmentSection staging = section(view, "staging");
        assertThat(staging.getLive().getReleaseId()).isEqualTo(B);
        assertThat(staging.getLive().getBuildNumber()).isEqualTo(41);
        assertThat(staging.getLive().getBuildUrl()).isEqualTo("job/app/41/");
        assertThat(staging.getLive().getColour()).isEqualTo("green");
        assertThat(staging.getPreview()).isNull();
    }

    @Test
    void theHistoryIsNewestFirstAndNamesTheExactRollbackForEachEarlierRelease() {
        EnvironmentSection staging = section(ReleasesView.of(twoBuilds()), "staging");

        assertThat(staging.getHistory()).extracting(DeploymentRow::getReleaseId).containsExactly(B, A);
        assertThat(staging.getHistory()).extracting(DeploymentRow::isLive).containsExactly(true, false);
        assertThat(staging.getHistory()).extracting(DeploymentRow::getRollbackSnippet)
                .containsExactly(null, "immutableRollback(environment: 'staging', toBuild: 40)");
        assertThat(staging.getHistory().get(1).getOutcomeLabel()).isEqualTo("live");
        assertThat(staging.getHistory().get(1).getTime()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void aReleaseWaitingForPromotionIsThePreviewAndTheOldOneStaysLive() {
        EnvironmentSection production = section(ReleasesView.of(twoBuilds()), "production");

        assertThat(production.getLive().getReleaseId()).isEqualTo(A);
        assertThat(production.getPreview().getReleaseId()).isEqualTo(B);
        assertThat(production.getPreview().getOutcomeLabel()).isEqualTo("healthy, awaiting promotion");
        // Nothing to return to: b never took traffic, a is what runs.
        assertThat(production.getHistory()).extracting(DeploymentRow::getRollbackSnippet).containsOnlyNulls();
    }

    @Test
    void aRollbackMakesTheOlderReleaseLiveAndOffersTheNewerOneBack() {
        List<BuildReleases> builds = twoBuilds();
        builds.add(build(42, action(deployment("staging", "rollback", "blue", 'a', 300, ROLLED_BACK))));

        EnvironmentSection staging = section(ReleasesView.of(builds), "staging");

        assertThat(staging.getLive().getReleaseId()).isEqualTo(A);
        assertThat(staging.getLive().getBuildNumber()).isEqualTo(42);
        assertThat(staging.getHistory()).extracting(DeploymentRow::getRollbackSnippet)
                .containsExactly(null, "immutableRollback(environment: 'staging', toBuild: 41)", null);
    }

    @Test
    void anAbortedDeployLeavesTheLiveReleaseAndOffersNoRollback() {
        List<BuildReleases> builds = twoBuilds();
        builds.add(build(42, action(outcome('c', 'd', Samples.REPO, false), deployment("staging", "deploy", null, 'c', 300, ABORTED))));

        EnvironmentSection staging = section(ReleasesView.of(builds), "staging");

        assertThat(staging.getLive().getReleaseId()).isEqualTo(B);
        assertThat(staging.getHistory().get(0).getReleaseId()).isEqualTo(C);
        assertThat(staging.getHistory().get(0).getRollbackSnippet()).isNull();
        assertThat(staging.getPreview()).isNull();
    }

    @Test
    void timeOrdersTheHistoryEvenWhenAnOlderBuildActedLast() {
        List<BuildReleases> builds = twoBuilds();
        // #40 was still running (waiting on input) and promoted a again after #41 deployed b.
        builds.set(0, build(40, action(outcome('a', 'e', Samples.REPO, false),
                deployment("staging", "deploy", "blue", 'a', 100, ACTIVE),
                deployment("staging", "promote", "blue", 'a', 250, ACTIVE))));

        EnvironmentSection staging = section(ReleasesView.of(builds), "staging");

        assertThat(staging.getLive().getReleaseId()).isEqualTo(A);
        assertThat(staging.getHistory()).extracting(DeploymentRow::getBuildNumber).containsExactly(40, 41, 40);
    }

    @Test
    void theRollbackTargetPrefersTheBuildThatMadeTheReleaseAndFallsBackToToRelease() {
        List<BuildReleases> builds = new ArrayList<>();
        builds.add(build(40, action(outcome('a', 'e', Samples.REPO, false))));
        builds.add(build(41, action(outcome('a', 'e', Samples.REPO, true))));                   // a replay reused a
        builds.add(build(42, action(outcome('b', 'f', Samples.REPO, false), outcome('c', 'd', Samples.REPO, false))));
        builds.add(build(43, action(deployment("staging", "deploy", "blue", 'b', 100, ACTIVE),
                deployment("staging", "deploy", "green", 'a', 200, ACTIVE))));

        ReleasesView view = ReleasesView.of(builds);

        assertThat(view.getReleases()).extracting(ReleaseRow::getBuildNumber, r -> r.getRelease().getReleaseId(), ReleaseRow::getRollbackTarget)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(42, B, "toRelease: '" + B + "'"),   // #42 recorded two: ambiguous
                        org.assertj.core.groups.Tuple.tuple(42, C, "toRelease: '" + C + "'"),
                        org.assertj.core.groups.Tuple.tuple(41, A, "toBuild: 40"),
                        org.assertj.core.groups.Tuple.tuple(40, A, "toBuild: 40"));
        assertThat(section(view, "staging").getHistory().get(1).getRollbackSnippet())
                .isEqualTo("immutableRollback(environment: 'staging', toRelease: '" + B + "')");
    }

    @Test
    void aReleaseBuiltElsewhereIsNamedByItsId() {
        List<BuildReleases> builds = List.of(build(7, action(
                deployment("staging", "deploy", "blue", 'c', 100, ACTIVE),
                deployment("staging", "deploy", "green", 'b', 200, ACTIVE))));

        assertThat(section(ReleasesView.of(builds), "staging").getHistory().get(1).getRollbackSnippet())
                .isEqualTo("immutableRollback(environment: 'staging', toRelease: '" + C + "')");
    }

    @Test
    void eachReleaseSaysWhereItIsLiveNow() {
        ReleasesView view = ReleasesView.of(twoBuilds());
        assertThat(view.getReleases()).extracting(r -> r.getRelease().getReleaseId(), ReleaseRow::getLiveIn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(B, List.of("staging")),
                        org.assertj.core.groups.Tuple.tuple(A, List.of("production")));
    }

    @Test
    void aJobWithoutReleasesHasAnEmptyView() {
        assertThat(ReleasesView.of(List.of()).isEmpty()).isTrue();
        assertThat(ReleasesView.of(List.of(build(1, new ReleaseAction()))).isEmpty()).isTrue();
        assertThat(ReleasesView.of(twoBuilds()).isEmpty()).isFalse();
    }
}
