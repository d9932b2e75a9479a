package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of a drift check of one environment.
 *
 * @param environment the environment's name
 * @param findings    every difference found before any repair
 * @param repaired    what a repair did, one line each (empty without {@code repair})
 * @param remaining   the differences found after the repair; without {@code repair}, the same as {@code findings}
 * @param notes       what the engine noticed along the way (reconciliations, refusals such as an unknown container
 *                    that takes traffic and was left alone)
 */
public record DriftReport(String environment, List<DriftFinding> findings, List<String> repaired, List<DriftFinding> remaining,
        List<String> notes) implements Serializable {

    public DriftReport {
        findings = List.copyOf(findings);
        repaired = List.copyOf(repaired);
        remaining = List.copyOf(remaining);
        notes = List.copyOf(notes);
    }

    /** Whether drift is left: found and not repaired, or found again after the repair. */
    public boolean drifted() {
        return !remaining.isEmpty();
    }
}
