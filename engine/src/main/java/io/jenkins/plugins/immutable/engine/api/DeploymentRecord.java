package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.time.Instant;

/** One step of an environment's history: a release entered a state in a colour. */
public record DeploymentRecord(Instant at, String environment, Colour colour, String releaseId, ImageRef ref,
        DeploymentState state, String detail) implements Serializable {
}
