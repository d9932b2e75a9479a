package io.jenkins.plugins.immutable.engine.strategy;

import io.jenkins.plugins.immutable.engine.api.CanarySettings;
import io.jenkins.plugins.immutable.engine.router.ServerCounters;
import java.util.Locale;

/**
 * Judges a canary step from the canary server's counter deltas since the step began. Fewer than {@code minRequests}
 * answers is inconclusive, whatever they were: a gate never passes on no data. Otherwise the error rate ((5xx +
 * response errors + connection errors) / answers) above {@code maxErrorRate}, or the response-time figure above
 * {@code maxP99}, is a failure.
 */
public final class CanaryAnalysis {

    private final CanarySettings settings;

    public CanaryAnalysis(CanarySettings settings) {
        this.settings = settings;
    }

    /**
     * @param delta     the canary's counters since the step began
     * @param p99Millis the highest {@code rtime} seen in the step
     */
    public StepFigures judge(int step, int share, ServerCounters delta, long p99Millis) {
        long requests = delta.requests();
        long errors = delta.errors();
        StepFigures figures = new StepFigures(step, share, requests, errors, p99Millis, Verdict.INCONCLUSIVE, "");
        if (requests < settings.minRequests()) {
            return with(figures, Verdict.INCONCLUSIVE, requests + " of the " + settings.minRequests()
                    + " requests a step is judged on");
        }
        if (figures.errorRate() > settings.maxErrorRate()) {
            return with(figures, Verdict.FAILURE, String.format(Locale.ROOT, "error rate %.2f%% is above %.2f%%",
                    figures.errorRate() * 100, settings.maxErrorRate() * 100));
        }
        if (settings.maxP99() != null && p99Millis > settings.maxP99().toMillis()) {
            return with(figures, Verdict.FAILURE, "response time " + p99Millis + " ms (rtime) is above " + settings.maxP99().toMillis()
                    + " ms");
        }
        return with(figures, Verdict.SUCCESS, "within the thresholds");
    }

    private static StepFigures with(StepFigures f, Verdict verdict, String reason) {
        return new StepFigures(f.step(), f.share(), f.requests(), f.errors(), f.p99Millis(), verdict, reason);
    }
}
