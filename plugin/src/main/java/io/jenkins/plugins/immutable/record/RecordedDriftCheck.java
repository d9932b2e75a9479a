package io.jenkins.plugins.immutable.record;

import io.jenkins.plugins.immutable.agent.DriftOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One {@code immutableDriftCheck} of an environment kept on the build record: what it found, what a repair did, what
 * was left, or why the repair failed. A plain class with final fields, which XStream restores.
 */
@ExportedBean(defaultVisibility = 3)
public final class RecordedDriftCheck {

    private final String environment;
    private final long timeMillis;
    private final boolean repair;
    private final List<RecordedDriftFinding> findings;
    private final List<String> repaired;
    private final List<RecordedDriftFinding> remaining;
    private final String failure;

    public RecordedDriftCheck(String environment, long timeMillis, boolean repair, List<RecordedDriftFinding> findings,
            List<String> repaired, List<RecordedDriftFinding> remaining, String failure) {
        this.environment = environment;
        this.timeMillis = timeMillis;
        this.repair = repair;
        this.findings = new ArrayList<>(findings);
        this.repaired = new ArrayList<>(repaired);
        this.remaining = new ArrayList<>(remaining);
        this.failure = failure;
    }

    public static RecordedDriftCheck of(DriftOutcome outcome, boolean repair, long timeMillis) {
        return new RecordedDriftCheck(outcome.environment(), timeMillis, repair,
                outcome.findings().stream().map(RecordedDriftFinding::of).toList(), outcome.repaired(),
                outcome.remaining().stream().map(RecordedDriftFinding::of).toList(), null);
    }

    /** A repair that failed: what the engine said. Its findings are unknown to the controller. */
    public static RecordedDriftCheck failed(String environment, boolean repair, String message, long timeMillis) {
        return new RecordedDriftCheck(environment, timeMillis, repair, List.of(), List.of(), List.of(), message);
    }

    @Exported(visibility = 3)
    public String getEnvironment() {
        return environment;
    }

    @Exported(visibility = 3)
    public long getTimeMillis() {
        return timeMillis;
    }

    @Exported(visibility = 3)
    public boolean isRepair() {
        return repair;
    }

    @Exported(visibility = 3)
    public List<RecordedDriftFinding> getFindings() {
        return findings == null ? List.of() : Collections.unmodifiableList(findings);
    }

    @Exported(visibility = 3)
    public List<String> getRepaired() {
        return repaired == null ? List.of() : Collections.unmodifiableList(repaired);
    }

    @Exported(visibility = 3)
    public List<RecordedDriftFinding> getRemaining() {
        return remaining == null ? List.of() : Collections.unmodifiableList(remaining);
    }

    /** The engine's message when the check or its repair failed, else {@code null}. */
    @Exported(visibility = 3)
    public String getFailure() {
        return failure;
    }

    /** {@code clean}, {@code drift found}, {@code repaired}, {@code drift left after repair} or {@code repair failed}. */
    public String getVerdict() {
        if (failure != null) {
            return repair ? "repair failed" : "check failed";
        }
        if (!getRemaining().isEmpty()) {
            return repair ? "drift left after repair" : "drift found";
        }
        return getFindings().isEmpty() ? "clean" : "repaired";
    }
}
