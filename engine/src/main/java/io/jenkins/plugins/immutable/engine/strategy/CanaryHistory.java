package io.jenkins.plugins.immutable.engine.strategy;

import io.jenkins.plugins.immutable.engine.api.CanaryReport;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The environment's latest canary read back from its history: every verdict is a {@code CANARY} row whose detail is
 * {@code canary } + {@link StepFigures#line}, and an abort is an {@code ABORTED} row whose detail begins
 * {@value #ABORTED_PREFIX}. The history, not the router, is where the figures live, so a finished canary is reported
 * too, from any machine that reads the same ledger.
 */
public final class CanaryHistory {

    /** How the history's detail of a canary row begins. */
    public static final String PREFIX = "canary ";
    /** How the history's detail of a canary's abort begins; the reason follows. */
    public static final String ABORTED_PREFIX = "canary aborted: ";
    /** How the abort's detail ends. */
    public static final String REMOVED = "; removed";

    private CanaryHistory() {
    }

    /**
     * @param history    the environment's history, newest first
     * @param inProgress whether the router holds a canary split now
     * @return the latest canary, or empty when the history holds none
     */
    public static Optional<CanaryReport> latest(List<DeploymentRecord> history, boolean inProgress) {
        int newest = -1;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).state() == DeploymentState.CANARY) {
                newest = i;
                break;
            }
        }
        if (newest < 0) {
            return Optional.empty();
        }
        DeploymentRecord first = history.get(newest);
        String release = first.releaseId();
        // What followed the newest canary row for that release: an abort, or the switch that made it live.
        String outcome = CanaryReport.IN_PROGRESS;
        DeploymentRecord abort = null;
        for (int i = newest - 1; i >= 0; i--) {
            DeploymentRecord r = history.get(i);
            if (!release.equals(r.releaseId()) || r.colour() != first.colour()) {
                continue;
            }
            if (r.state() == DeploymentState.ABORTED) {
                outcome = CanaryReport.ABORTED;
                abort = r;
                break;
            }
            if (r.state() == DeploymentState.ACTIVE) {
                outcome = CanaryReport.PROMOTED;
                break;
            }
        }
        if (outcome.equals(CanaryReport.IN_PROGRESS) && !inProgress) {
            // No split on the router and no ending recorded: the process died; the next command aborts what is left.
            outcome = CanaryReport.ABORTED;
        }
        List<CanaryReport.Step> steps = new ArrayList<>();
        // Back in time from the newest row while the colour holds this canary; its HEALTHY row (or an earlier canary) ends it.
        for (int i = newest; i < history.size(); i++) {
            DeploymentRecord r = history.get(i);
            if (r.colour() != first.colour()) {
                continue;
            }
            if (!sameCanary(r, first)) {
                break;
            }
            row(r).ifPresent(step -> steps.add(0, step));
        }
        if (abort != null) {
            CanaryReport.Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            String reason = abort.detail().startsWith(ABORTED_PREFIX) ? abort.detail().substring(ABORTED_PREFIX.length())
                    : abort.detail();
            reason = reason.endsWith(REMOVED) ? reason.substring(0, reason.length() - REMOVED.length()) : reason;
            steps.add(new CanaryReport.Step(abort.at(), last == null ? 0 : last.step(), last == null ? 0 : last.share(), 0, 0, 0,
                    CanaryReport.ABORTED, reason));
        }
        return Optional.of(new CanaryReport(release, first.colour(), outcome, steps));
    }

    private static boolean sameCanary(DeploymentRecord r, DeploymentRecord first) {
        return r.state() == DeploymentState.CANARY && first.releaseId().equals(r.releaseId()) && r.colour() == first.colour();
    }

    private static Optional<CanaryReport.Step> row(DeploymentRecord r) {
        if (!r.detail().startsWith(PREFIX)) {
            return Optional.empty();
        }
        return StepFigures.parse(r.detail().substring(PREFIX.length())).map(l -> new CanaryReport.Step(r.at(), l.figures().step(),
                l.figures().share(), l.figures().requests(), l.figures().errors(), l.figures().p99Millis(), l.label(),
                l.figures().reason()));
    }
}
