package io.jenkins.plugins.immutable.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.record.DeploymentOutcome;
import io.jenkins.plugins.immutable.record.RecordedCanaryStep;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.Recording;
import io.jenkins.plugins.immutable.testing.Samples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's canary events, as a deploy emits them, become the rows the build records: a passed and an aborted canary. */
class CanaryStepsTest {

    private final CanarySteps rows = new CanarySteps(Clock.fixed(Instant.ofEpochMilli(7_000L), ZoneOffset.UTC));

    private void event(int step, int share, long requests, long errors, long p99, String verdict, String text) {
        rows.on(new EngineEvent.CanaryStep("staging", step, share, requests, errors, p99, verdict, text));
    }

    @Test
    void aPassedCanaryIsRecordedOnTheDeploymentWithEveryVerdictButNotTheBeginnings() {
        event(1, 10, 0, 0, 0, "begun", "step 1/3: 10% of new requests to the canary");
        rows.on(new EngineEvent.Notice("a log line that is no row"));
        event(1, 10, 12, 0, 2, "inconclusive", "step 1 (10%): inconclusive: 12 requests, …; 12 of the 20 requests");
        event(1, 10, 31, 0, 2, "success", "step 1 (10%): success: 31 requests, …; within the thresholds");
        event(2, 10, 0, 0, 0, "begun", "step 2/3: pause at 10%; waits for promote (or abort)");
        event(2, 10, 90, 1, 3, "promoted", "step 2 (10%): promoted: 90 requests, …; an operator promoted it past the pause");
        EnvironmentOutcome env = rows.attachTo(new EnvironmentOutcome("staging",
                new ColourOutcome("green", Samples.refText('b'), Samples.releaseId('b'), "ACTIVE", 1L), null, null, null, 9L,
                List.of()));

        RecordedDeployment recorded = Recording.deployed(env, Samples.refText('b'), 8_000L).get(0);

        assertThat(recorded.getOutcome()).isEqualTo(DeploymentOutcome.ACTIVE);
        assertThat(recorded.getCanarySteps()).extracting(RecordedCanaryStep::getVerdict)
                .containsExactly("inconclusive", "success", "promoted");
        RecordedCanaryStep promoted = recorded.getCanarySteps().get(2);
        assertThat(List.of(promoted.getStep(), promoted.getShare())).containsExactly(2, 10);
        assertThat(List.of(promoted.getRequests(), promoted.getErrors(), promoted.getP99Millis(), promoted.getTimeMillis()))
                .containsExactly(90L, 1L, 3L, 7_000L);
        assertThat(promoted.getErrorRate()).isEqualTo("1.11%");
        assertThat(promoted.isMeasured()).isTrue();
    }

    @Test
    void anAbortedCanarysRowsTravelWithTheFailureToTheRecord() {
        event(1, 10, 140, 140, 4, "failure", "step 1 (10%): failure: 140 requests, …; error rate 100.00% is above 1.00%");
        event(1, 10, 0, 0, 0, "aborted", "aborted: step 1 (10%) failed: error rate 100.00% is above 1.00%; all traffic to blue");
        ReleaseFailure failure = new ReleaseFailure(ReleaseException.Kind.FAILED_SAFELY, "The canary … was aborted")
                .withCanarySteps(rows.rows());

        RecordedDeployment recorded = Recording.aborted("staging", Samples.refText('c'), 8_000L, failure.canarySteps());

        assertThat(failure.failedSafely()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("The canary … was aborted");
        assertThat(recorded.getOutcome()).isEqualTo(DeploymentOutcome.ABORTED);
        assertThat(recorded.getReleaseId()).isEqualTo(Samples.releaseId('c'));
        assertThat(recorded.getCanarySteps()).extracting(RecordedCanaryStep::getVerdict).containsExactly("failure", "aborted");
        assertThat(recorded.getCanarySteps().get(1).isMeasured()).isFalse();
        assertThat(recorded.getOutcomeLabel()).isEqualTo("canary aborted at step 1 (10%), all traffic back on the stable colour");
    }

    @Test
    void aBlueGreenDeployRecordsNoRows() {
        EnvironmentOutcome env = rows.attachTo(new EnvironmentOutcome("staging",
                new ColourOutcome("green", Samples.refText('b'), Samples.releaseId('b'), "ACTIVE", 1L), null, null, null, 9L,
                List.of()));
        assertThat(Recording.deployed(env, Samples.refText('b'), 8_000L).get(0).getCanarySteps()).isEmpty();
        assertThat(Recording.aborted("staging", Samples.refText('c'), 8_000L, List.of()).getOutcomeLabel())
                .isEqualTo("aborted, traffic never moved");
    }
}
