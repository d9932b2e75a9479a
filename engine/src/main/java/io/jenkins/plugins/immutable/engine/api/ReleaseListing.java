package io.jenkins.plugins.immutable.engine.api;

import java.util.List;

/** A release and where it runs now. */
public record ReleaseListing(Release release, List<Placement> placements) {

    public ReleaseListing {
        placements = List.copyOf(placements);
    }

    /** The release is in {@code colour} of {@code environment}, in {@code state}. */
    public record Placement(String environment, Colour colour, DeploymentState state) {
    }
}
