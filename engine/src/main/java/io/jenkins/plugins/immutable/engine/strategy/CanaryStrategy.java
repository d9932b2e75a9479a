package io.jenkins.plugins.immutable.engine.strategy;

import io.jenkins.plugins.immutable.engine.api.CanarySettings;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.router.ServerCounters;
import java.time.Duration;
import java.util.List;

/**
 * Moves traffic to a canary step by step and judges each step from the router's counters (see {@link CanaryAnalysis}).
 * A step gives the canary its share, then at each interval judges the counter deltas since the step began: success
 * advances, failure aborts at once (a breach is looked for at every poll, not only at the end of an interval),
 * inconclusive waits; {@link CanarySettings#inconclusiveLimit()} inconclusive intervals
 * in a row abort. A {@code pause} keeps the share (still watching for failures) until {@code promote}. A step of 100, or
 * the end of the steps, returns {@code promote}: the caller makes the normal switch. The caller's operator signals are
 * read at every poll, so an {@code abort} is acted on within one poll.
 */
public final class CanaryStrategy {

    private static final Duration MAX_POLL = Duration.ofMillis(250);
    /** The label of a row where an operator's {@code promote} moved the canary on. */
    public static final String PROMOTED = "promoted";

    private final CanarySettings settings;
    private final CanaryAnalysis analysis;
    private final Duration poll;

    public CanaryStrategy(CanarySettings settings) {
        this.settings = settings;
        this.analysis = new CanaryAnalysis(settings);
        Duration quarter = settings.interval().dividedBy(4);
        this.poll = quarter.compareTo(MAX_POLL) > 0 ? MAX_POLL : quarter.isZero() ? Duration.ofMillis(1) : quarter;
    }

    public CanaryOutcome run(CanaryTarget target) throws ReleaseException, InterruptedException {
        List<Integer> steps = settings.steps();
        int share = 0;
        for (int i = 0; i < steps.size(); i++) {
            int step = steps.get(i);
            if (step >= 100) {
                return CanaryOutcome.promoted("the last step, 100%");
            }
            boolean pause = step == CanarySettings.PAUSE;
            if (!pause) {
                target.share(step);
                share = step;
            }
            target.report(new StepFigures(i + 1, share, 0, 0, 0, Verdict.INCONCLUSIVE, "begun"), pause
                    ? "step " + (i + 1) + "/" + steps.size() + ": pause at " + share + "%; waits for promote (or abort)"
                    : "step " + (i + 1) + "/" + steps.size() + ": " + share + "% of new requests to the canary");
            CanaryOutcome outcome = judgeStep(target, i + 1, share, pause);
            if (outcome != null) {
                return outcome;
            }
        }
        return CanaryOutcome.promoted("the steps are done");
    }

    /** @return an outcome that ends the canary, or {@code null} to go on with the next step */
    private CanaryOutcome judgeStep(CanaryTarget target, int step, int share, boolean pause)
            throws ReleaseException, InterruptedException {
        ServerCounters start = target.counters();
        long maxRtime = 0;
        int inconclusive = 0;
        long intervalEnd = System.nanoTime() + settings.interval().toNanos();
        while (true) {
            Thread.sleep(Math.max(1, poll.toMillis()));
            CanaryTarget.Signal signal = target.signal();
            if (signal == CanaryTarget.Signal.ABORT) {
                return CanaryOutcome.aborted("an operator aborted it at step " + step + " (" + share + "%)", null, true);
            }
            ServerCounters now = target.counters();
            maxRtime = Math.max(maxRtime, now.rtime());
            StepFigures figures = analysis.judge(step, share, now.since(start), maxRtime);
            if (signal == CanaryTarget.Signal.PROMOTE) {
                // The figures so far go with the row: an operator's decision is recorded with what it was made on.
                String why = pause ? "an operator promoted it past the pause" : "an operator promoted it to 100%";
                StepFigures promoted = new StepFigures(step, share, figures.requests(), figures.errors(), figures.p99Millis(),
                        Verdict.SUCCESS, why);
                target.report(promoted, promoted.line(PROMOTED));
                return pause ? null : CanaryOutcome.promoted("an operator promoted it at step " + step + " (" + share + "%)");
            }
            boolean intervalOver = System.nanoTime() - intervalEnd >= 0;
            // A breach aborts at the poll that sees it; a pass or too little data waits for the end of the interval.
            if (!intervalOver && figures.verdict() != Verdict.FAILURE) {
                continue;
            }
            if (intervalOver) {
                intervalEnd += settings.interval().toNanos();
            }
            if (pause && figures.verdict() != Verdict.FAILURE) {
                continue;
            }
            target.report(figures, figures.line(figures.verdict().label()));
            switch (figures.verdict()) {
                case SUCCESS:
                    return null;
                case FAILURE:
                    return CanaryOutcome.aborted("step " + step + " (" + share + "%) failed: " + figures.reason(), figures, false);
                default:
                    inconclusive++;
                    if (inconclusive >= settings.inconclusiveLimit()) {
                        return CanaryOutcome.aborted("step " + step + " (" + share + "%) stayed inconclusive for " + inconclusive
                                + " intervals in a row (the limit): " + figures.reason(), figures, false);
                    }
            }
        }
    }
}
