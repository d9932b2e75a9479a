package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ColourView;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Endpoint;
import java.time.Instant;
import java.util.List;

/**
 * One colour of an environment as persisted: which release runs in it, in which container (or Swarm service) on which
 * loopback port (or replicas' endpoints), and in which state since when.
 *
 * @param endpoints where the router reaches its replicas; slots stored before platforms read back as
 *                  {@code 127.0.0.1:hostPort}
 */
record Slot(Colour colour, String releaseId, ImageRef ref, String container, int hostPort, DeploymentState state, Instant since,
        List<Endpoint> endpoints) {

    Slot {
        endpoints = endpoints == null || endpoints.isEmpty()
                ? hostPort > 0 ? List.of(Endpoint.loopback(hostPort)) : List.of()
                : List.copyOf(endpoints);
    }

    /** A slot on one Docker host: its container on loopback. */
    Slot(Colour colour, String releaseId, ImageRef ref, String container, int hostPort, DeploymentState state, Instant since) {
        this(colour, releaseId, ref, container, hostPort, state, since, null);
    }

    Slot withState(DeploymentState newState, Instant at) {
        return new Slot(colour, releaseId, ref, container, hostPort, newState, at, endpoints);
    }

    Slot withPort(int port) {
        return new Slot(colour, releaseId, ref, container, port, state, since);
    }

    /** Where its replicas run now: the first one's port stays {@code hostPort} for what reads one port. */
    Slot withEndpoints(List<Endpoint> now) {
        return new Slot(colour, releaseId, ref, container, now.isEmpty() ? 0 : now.get(0).port(), state, since, now);
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
