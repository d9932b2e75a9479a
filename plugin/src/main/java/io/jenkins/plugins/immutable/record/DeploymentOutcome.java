package io.jenkins.plugins.immutable.record;

/** What a recorded deployment did to its environment. */
public enum DeploymentOutcome {
    /** The release took the traffic (a deploy, or a promotion). */
    ACTIVE("live"),
    /** The release passed its health check and waits for {@code immutablePromote}; no traffic yet. */
    HEALTHY("healthy, awaiting promotion"),
    /** The release failed its health check or its preview was discarded; traffic never moved to it. */
    ABORTED("aborted, traffic never moved"),
    /** A rollback put the release back in front of the traffic. */
    ROLLED_BACK("live again by rollback");

    private final String label;

    DeploymentOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the release received the traffic afterwards. */
    public boolean live() {
        return this == ACTIVE || this == ROLLED_BACK;
    }
}
