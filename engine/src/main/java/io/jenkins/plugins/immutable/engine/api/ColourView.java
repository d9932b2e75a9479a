package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * One colour of an environment as the engine knows it.
 *
 * @param colour    blue or green
 * @param state     its deployment state
 * @param releaseId the release it runs
 * @param ref       the image it runs, by digest
 * @param container the container's name on the Docker host
 * @param hostPort  the loopback port its container publishes, or {@code 0} when it has none
 * @param since     when it entered {@code state}
 */
public record ColourView(Colour colour, DeploymentState state, String releaseId, ImageRef ref, String container, int hostPort,
        Instant since) implements Serializable {
}
