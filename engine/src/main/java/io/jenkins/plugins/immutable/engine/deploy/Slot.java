package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ColourView;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import java.time.Instant;

/**
 * One colour of an environment as persisted: which release runs in it, in which container on which loopback port,
 * and in which state since when.
 */
record Slot(Colour colour, String releaseId, ImageRef ref, String container, int hostPort, DeploymentState state, Instant since) {

    Slot withState(DeploymentState newState, Instant at) {
        return new Slot(colour, releaseId, ref, container, hostPort, newState, at);
    }

    Slot withPort(int port) {
        return new Slot(colour, releaseId, ref, container, port, state, since);
    }

    /** Whether a container for this slot should exist. */
    boolean hasContainer() {
        return state == DeploymentState.STARTING || state == DeploymentState.HEALTHY || state == DeploymentState.CANARY
                || state == DeploymentState.ACTIVE
                || state == DeploymentState.WARM;
    }

    ColourView view() {
        return new ColourView(colour, state, releaseId, ref, container, hostPort, since);
    }
}
