package io.jenkins.plugins.immutable.engine.strategy;

/** What one analysis interval of a canary step concluded. */
public enum Verdict {
    /** Enough requests, within every threshold: the step may advance. */
    SUCCESS,
    /** A threshold was breached: the canary is aborted at once. */
    FAILURE,
    /** Too few requests to judge: never a pass; the step waits, and too many in a row abort. */
    INCONCLUSIVE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
