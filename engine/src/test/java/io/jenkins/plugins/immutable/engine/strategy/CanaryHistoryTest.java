package io.jenkins.plugins.immutable.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.CanaryReport;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryHistoryTest {

    private static final ImageRef OLD = ImageRef.parse("127.0.0.1:5000/shop@sha256:" + "a".repeat(64));
    private static final ImageRef NEW = ImageRef.parse("127.0.0.1:5000/shop@sha256:" + "b".repeat(64));
    private final List<DeploymentRecord> oldestFirst = new ArrayList<>();

    @Test
    void aLineReadsBackAsItsFigures() {
        StepFigures f = new StepFigures(2, 25, 140, 3, 12, Verdict.FAILURE, "error rate 2.14% is above 1.00%");
        StepFigures.Labelled back = StepFigures.parse(f.line("failure")).orElseThrow();
        assertThat(back.label()).isEqualTo("failure");
        assertThat(back.figures()).isEqualTo(f);
        assertThat(StepFigures.parse("step 1/4: 5% of new requests to the canary")).isEmpty();
    }

    @Test
    void aPromotedCanaryHasOneRowPerVerdictOldestFirst() {
        blueGreenRelease();
        record(Colour.GREEN, NEW, DeploymentState.STARTING, "started");
        record(Colour.GREEN, NEW, DeploymentState.HEALTHY, "passed its health check");
        record(Colour.GREEN, NEW, DeploymentState.CANARY, "canary step 1/3: 5% of new requests to the canary");
        verdict(1, 5, 60, 0, "inconclusive", "60 of the 100 requests a step is judged on");
        verdict(1, 5, 120, 0, "success", "within the thresholds");
        verdict(2, 25, 300, 1, "success", "within the thresholds");
        record(Colour.GREEN, NEW, DeploymentState.ACTIVE, "receives the traffic");

        CanaryReport report = CanaryHistory.latest(newestFirst(), false).orElseThrow();

        assertThat(report.outcome()).isEqualTo(CanaryReport.PROMOTED);
        assertThat(report.releaseId()).isEqualTo("rel-b");
        assertThat(report.colour()).isEqualTo(Colour.GREEN);
        assertThat(report.steps()).extracting(CanaryReport.Step::verdict).containsExactly("inconclusive", "success", "success");
        CanaryReport.Step last = report.steps().get(2);
        assertThat(List.of(last.step(), last.share())).containsExactly(2, 25);
        assertThat(List.of(last.requests(), last.errors(), last.p99Millis())).containsExactly(300L, 1L, 7L);
    }

    @Test
    void anAbortEndsTheRowsWithItsReasonAtTheStepItStoppedAt() {
        blueGreenRelease();
        record(Colour.GREEN, NEW, DeploymentState.HEALTHY, "passed its health check");
        verdict(1, 10, 140, 140, "failure", "error rate 100.00% is above 1.00%");
        record(Colour.GREEN, NEW, DeploymentState.ABORTED, CanaryHistory.ABORTED_PREFIX
                + "step 1 (10%) failed: error rate 100.00% is above 1.00%" + CanaryHistory.REMOVED);

        CanaryReport report = CanaryHistory.latest(newestFirst(), false).orElseThrow();

        assertThat(report.outcome()).isEqualTo(CanaryReport.ABORTED);
        assertThat(report.steps()).extracting(CanaryReport.Step::verdict).containsExactly("failure", "aborted");
        CanaryReport.Step abort = report.steps().get(1);
        assertThat(abort.share()).isEqualTo(10);
        assertThat(abort.reason()).isEqualTo("step 1 (10%) failed: error rate 100.00% is above 1.00%");
    }

    @Test
    void aSplitOnTheRouterIsInProgressAndWithoutOneADeadRunIsNot() {
        blueGreenRelease();
        record(Colour.GREEN, NEW, DeploymentState.HEALTHY, "passed its health check");
        verdict(1, 5, 120, 0, "success", "within the thresholds");

        assertThat(CanaryHistory.latest(newestFirst(), true).orElseThrow().outcome()).isEqualTo(CanaryReport.IN_PROGRESS);
        assertThat(CanaryHistory.latest(newestFirst(), false).orElseThrow().outcome()).isEqualTo(CanaryReport.ABORTED);
    }

    @Test
    void onlyTheLatestCanaryIsReportedAndBlueGreenHistoryHasNone() {
        blueGreenRelease();
        assertThat(CanaryHistory.latest(newestFirst(), false)).isEmpty();

        record(Colour.GREEN, NEW, DeploymentState.HEALTHY, "passed its health check");
        verdict(1, 5, 10, 10, "failure", "first attempt");
        record(Colour.GREEN, NEW, DeploymentState.ABORTED, CanaryHistory.ABORTED_PREFIX + "first" + CanaryHistory.REMOVED);
        record(Colour.GREEN, NEW, DeploymentState.HEALTHY, "passed its health check");
        verdict(1, 5, 200, 0, "success", "second attempt");
        record(Colour.GREEN, NEW, DeploymentState.ACTIVE, "receives the traffic");

        CanaryReport report = CanaryHistory.latest(newestFirst(), false).orElseThrow();
        assertThat(report.outcome()).isEqualTo(CanaryReport.PROMOTED);
        assertThat(report.steps()).extracting(CanaryReport.Step::reason).containsExactly("second attempt");
    }

    private void blueGreenRelease() {
        record(Colour.BLUE, OLD, DeploymentState.HEALTHY, "passed its health check");
        record(Colour.BLUE, OLD, DeploymentState.ACTIVE, "receives the traffic");
    }

    private void verdict(int step, int share, long requests, long errors, String label, String reason) {
        StepFigures f = new StepFigures(step, share, requests, errors, 7, Verdict.SUCCESS, reason);
        record(Colour.GREEN, NEW, DeploymentState.CANARY, CanaryHistory.PREFIX + f.line(label));
    }

    private void record(Colour colour, ImageRef ref, DeploymentState state, String detail) {
        oldestFirst.add(new DeploymentRecord(Instant.ofEpochSecond(1_000 + oldestFirst.size()), "shop", colour,
                ref == NEW ? "rel-b" : "rel-a", ref, state, detail));
    }

    private List<DeploymentRecord> newestFirst() {
        List<DeploymentRecord> copy = new ArrayList<>(oldestFirst);
        Collections.reverse(copy);
        return copy;
    }
}
