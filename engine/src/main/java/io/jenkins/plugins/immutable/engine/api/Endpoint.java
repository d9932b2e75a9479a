package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where the router reaches one replica of a colour: an IP address and a port. On one Docker host a colour is one
 * container published on loopback ({@code 127.0.0.1:P}); on a Swarm each replica is a task published in host mode on
 * its node's address.
 */
public record Endpoint(String address, int port) implements Serializable {

    public static final String LOOPBACK = "127.0.0.1";

    public Endpoint {
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
        }
    }

    /** A container published on this machine's loopback. */
    public static Endpoint loopback(int port) {
        return new Endpoint(LOOPBACK, port);
    }

    @Override
    public String toString() {
        return address + ":" + port;
    }
}
