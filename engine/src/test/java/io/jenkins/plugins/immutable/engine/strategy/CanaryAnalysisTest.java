package io.jenkins.plugins.immutable.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.CanarySettings;
import io.jenkins.plugins.immutable.engine.router.ServerCounters;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryAnalysisTest {

    private final CanarySettings settings = new CanarySettings(List.of(5, 25, 100), Duration.ofMillis(20), 0.01,
            Duration.ofMillis(800), 50, 3);
    private final CanaryAnalysis analysis = new CanaryAnalysis(settings);

    @Test
    void tooFewRequestsAreInconclusiveEvenWhenAllFailed() {
        assertThat(analysis.judge(1, 5, new ServerCounters(0, 0, 0, 0, 49, 0, 0, 0, 1), 1).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysis.judge(1, 5, ServerCounters.ZERO, 0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void errorsAboveTheRateFail() {
        StepFigures f = analysis.judge(1, 5, new ServerCounters(0, 98, 0, 0, 2, 0, 0, 0, 1), 1);
        assertThat(f.verdict()).isEqualTo(Verdict.FAILURE);
        assertThat(f.reason()).contains("2.00%").contains("1.00%");
        assertThat(f.describe()).contains("100 requests, 2 errors");
    }

    @Test
    void connectionAndResponseErrorsCount() {
        assertThat(analysis.judge(1, 5, new ServerCounters(0, 100, 0, 0, 0, 0, 1, 1, 1), 1).verdict()).isEqualTo(Verdict.FAILURE);
    }

    @Test
    void slowAnswersFailAndGoodOnesPass() {
        assertThat(analysis.judge(1, 5, new ServerCounters(0, 100, 0, 0, 0, 0, 0, 0, 900), 900).verdict()).isEqualTo(Verdict.FAILURE);
        assertThat(analysis.judge(1, 5, new ServerCounters(0, 100, 0, 4, 1, 0, 0, 0, 5), 5).verdict()).isEqualTo(Verdict.SUCCESS);
    }

    @Test
    void stepsAreValidated() {
        assertThat(CanarySettings.parseSteps("5, 25,pause,100")).containsExactly(5, 25, CanarySettings.PAUSE, 100);
        assertThatThrownBy(() -> CanarySettings.parseSteps("25,5")).hasMessageContaining("must increase");
        assertThatThrownBy(() -> CanarySettings.parseSteps("5,150")).hasMessageContaining("outside 1 to 100");
        assertThatThrownBy(() -> CanarySettings.parseSteps("five")).hasMessageContaining("not a step");
        assertThat(CanarySettings.parseRate("1%")).isEqualTo(0.01);
        assertThatThrownBy(() -> CanarySettings.parseRate("lots")).hasMessageContaining("not a percentage");
        assertThatThrownBy(() -> CanarySettings.parseRate("120%")).hasMessageContaining("not a percentage");
    }

    @Test
    void aGoodCanaryWalksEveryStepThenPromotes() throws Exception {
        FakeTarget target = new FakeTarget(100, 0);
        CanaryOutcome outcome = new CanaryStrategy(settings).run(target);
        assertThat(outcome.promote()).isTrue();
        assertThat(target.shares).containsExactly(5, 25);
    }

    @Test
    void aFailingCanaryStopsAtItsFirstStep() throws Exception {
        FakeTarget target = new FakeTarget(100, 10);
        CanaryOutcome outcome = new CanaryStrategy(settings).run(target);
        assertThat(outcome.promote()).isFalse();
        assertThat(outcome.figures().verdict()).isEqualTo(Verdict.FAILURE);
        assertThat(target.shares).containsExactly(5);
    }

    @Test
    void noTrafficAbortsAtTheInconclusiveLimit() throws Exception {
        FakeTarget target = new FakeTarget(0, 0);
        CanaryOutcome outcome = new CanaryStrategy(settings).run(target);
        assertThat(outcome.promote()).isFalse();
        assertThat(outcome.reason()).contains("inconclusive for 3 intervals");
        assertThat(target.verdicts).containsExactly("begun", "inconclusive", "inconclusive", "inconclusive");
    }

    @Test
    void aPauseWaitsForPromote() throws Exception {
        FakeTarget target = new FakeTarget(100, 0);
        target.signals.add(CanaryTarget.Signal.NONE);
        target.promoteAfter = 5;
        CanaryOutcome outcome = new CanaryStrategy(new CanarySettings(List.of(5, CanarySettings.PAUSE, 50, 100),
                Duration.ofMillis(20), 0.01, null, 50, 3)).run(target);
        assertThat(outcome.promote()).isTrue();
        assertThat(target.verdicts).contains("promoted");
        assertThat(target.shares).containsExactly(5, 50);
        // the promote's row carries the figures of the pause it ended, not zeros
        assertThat(target.promotedRow.share()).isEqualTo(5);
        assertThat(target.promotedRow.requests()).isPositive();
        assertThat(target.promotedRow.reason()).isEqualTo("an operator promoted it past the pause");
    }

    /** Each counter reading adds {@code perPoll} answers, {@code errorsPerPoll} of them 5xx. */
    private static final class FakeTarget implements CanaryTarget {
        final List<Integer> shares = new ArrayList<>();
        final List<String> verdicts = new ArrayList<>();
        final Deque<Signal> signals = new ArrayDeque<>();
        int promoteAfter = -1;
        StepFigures promotedRow;
        private final long perPoll;
        private final long errorsPerPoll;
        private long ok;
        private long errors;
        private int polls;

        FakeTarget(long perPoll, long errorsPerPoll) {
            this.perPoll = perPoll;
            this.errorsPerPoll = errorsPerPoll;
        }

        @Override
        public void share(int percent) {
            shares.add(percent);
        }

        @Override
        public ServerCounters counters() {
            ok += perPoll - errorsPerPoll;
            errors += errorsPerPoll;
            return new ServerCounters(0, ok, 0, 0, errors, 0, 0, 0, 3);
        }

        @Override
        public Signal signal() {
            polls++;
            if (polls == promoteAfter) {
                return Signal.PROMOTE;
            }
            return Signal.NONE;
        }

        @Override
        public void report(StepFigures figures, String text) {
            // The label as status reads it back from the history: a row's line, or a step's beginning.
            StepFigures.Labelled row = StepFigures.parse(text).orElse(null);
            verdicts.add(row == null ? "begun" : row.label());
            if (row != null && row.label().equals(CanaryStrategy.PROMOTED)) {
                promotedRow = row.figures();
            }
        }
    }
}
