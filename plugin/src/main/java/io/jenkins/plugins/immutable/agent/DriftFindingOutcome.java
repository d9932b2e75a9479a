package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import java.io.Serializable;

/** One drift finding as plain values for the controller: kind, colour ({@code null} for none), container, what, expected, found. */
public final class DriftFindingOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String colour;
    private final String container;
    private final String what;
    private final String expected;
    private final String found;

    public DriftFindingOutcome(String kind, String colour, String container, String what, String expected, String found) {
        this.kind = kind;
        this.colour = colour;
        this.container = container;
        this.what = what;
        this.expected = expected;
        this.found = found;
    }

    static DriftFindingOutcome of(DriftFinding finding) {
        return new DriftFindingOutcome(finding.kind().name(), finding.colour() == null ? null : finding.colour().label(),
                finding.container(), finding.what(), finding.expected(), finding.found());
    }

    public String kind() {
        return kind;
    }

    public String colour() {
        return colour;
    }

    public String container() {
        return container;
    }

    public String what() {
        return what;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /** {@code FILES_CHANGED blue app-staging-blue: … (expected: …; found: …)}, for the build log. */
    public String describe() {
        return kind + " " + (colour == null ? "-" : colour) + " " + container + ": " + what + " (expected: " + expected
                + "; found: " + found + ")";
    }
}
