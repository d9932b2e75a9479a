package io.jenkins.plugins.immutable.releases;

import java.util.List;

/** One environment on the Releases page: what is live, what waits for promotion, and its history, newest first. */
public final class EnvironmentSection {

    private final String name;
    private final DeploymentRow live;
    private final DeploymentRow preview;
    private final List<DeploymentRow> history;

    EnvironmentSection(String name, DeploymentRow live, DeploymentRow preview, List<DeploymentRow> history) {
        this.name = name;
        this.live = live;
        this.preview = preview;
        this.history = List.copyOf(history);
    }

    public String getName() {
        return name;
    }

    /** The newest deployment that put a release in front of the traffic, or {@code null}. */
    public DeploymentRow getLive() {
        return live;
    }

    /** A release that passed its health check and waits for {@code immutablePromote}, or {@code null}. */
    public DeploymentRow getPreview() {
        return preview;
    }

    public List<DeploymentRow> getHistory() {
        return history;
    }
}
