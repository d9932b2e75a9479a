package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.DriftReport;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A drift check's report as plain values for the controller (see the engine's {@code DriftReport}). */
public final class DriftOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String environment;
    // ArrayLists, not List.copyOf: JDK-internal collection classes may be refused by Jenkins' remoting class filter.
    private final ArrayList<DriftFindingOutcome> findings;
    private final ArrayList<String> repaired;
    private final ArrayList<DriftFindingOutcome> remaining;
    private final ArrayList<String> notes;

    public DriftOutcome(String environment, List<DriftFindingOutcome> findings, List<String> repaired,
            List<DriftFindingOutcome> remaining, List<String> notes) {
        this.environment = environment;
        this.findings = new ArrayList<>(findings);
        this.repaired = new ArrayList<>(repaired);
        this.remaining = new ArrayList<>(remaining);
        this.notes = new ArrayList<>(notes);
    }

    static DriftOutcome of(DriftReport report) {
        return new DriftOutcome(report.environment(), report.findings().stream().map(DriftFindingOutcome::of).toList(),
                report.repaired(), report.remaining().stream().map(DriftFindingOutcome::of).toList(), report.notes());
    }

    public String environment() {
        return environment;
    }

    public List<DriftFindingOutcome> findings() {
        return Collections.unmodifiableList(findings);
    }

    public List<String> repaired() {
        return Collections.unmodifiableList(repaired);
    }

    public List<DriftFindingOutcome> remaining() {
        return Collections.unmodifiableList(remaining);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** Drift found and not repaired, or found again after the repair. */
    public boolean drifted() {
        return !remaining.isEmpty();
    }
}
