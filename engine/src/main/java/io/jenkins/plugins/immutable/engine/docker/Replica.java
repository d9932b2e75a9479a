package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.Endpoint;

/**
 * One replica of a colour: on one Docker host the container itself; on a Swarm one task of the colour's service.
 *
 * @param id       the container or task id
 * @param node     the node it was scheduled on (its hostname on a Swarm, the daemon's address on one host)
 * @param endpoint where the router reaches it, or {@code null} while it publishes no port
 * @param state    {@code running}, or what the daemon reports otherwise ({@code exited}, {@code failed}, {@code orphaned}, …)
 */
public record Replica(String id, String node, Endpoint endpoint, String state) {

    public static final String RUNNING = "running";

    public boolean running() {
        return RUNNING.equals(state) && endpoint != null;
    }

    /** {@code node-2 10.98.0.3:30001 running}, for messages and status. */
    public String describe() {
        return node + " " + (endpoint == null ? "-" : endpoint.toString()) + " " + state;
    }
}
