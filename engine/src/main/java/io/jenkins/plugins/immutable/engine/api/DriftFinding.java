package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * One difference between what the engine started and set, and what the target and the router show now.
 *
 * @param kind      what sort of drift
 * @param colour    the colour it concerns, or {@code null} for a container that is no colour of the engine's
 * @param container the container's name (or the router's server, {@code backend/colour}, for {@link Kind#ROUTER})
 * @param what      what differs, in a few words
 * @param expected  what the engine started or set
 * @param found     what is there now
 */
public record DriftFinding(Kind kind, Colour colour, String container, String what, String expected, String found)
        implements Serializable {

    /** The kinds of drift the engine looks for. */
    public enum Kind {
        /** The container's filesystem changed since it started, outside the environment's writable paths. */
        FILES_CHANGED,
        /** The container does not run the image its labels record. */
        IMAGE,
        /** A container carries the environment's label or one of its names, but the engine did not start it. */
        UNKNOWN_CONTAINER,
        /** The router's server for a colour points elsewhere, weighs otherwise or is in another state than the engine set. */
        ROUTER,
        /** The container's configuration (env, command, ports, restart policy, read-only root, settings) differs. */
        CONFIG,
        /**
         * On a Swarm: a colour's service runs fewer replicas than it should (a node lost), or the router sends the
         * colour's traffic to an address where none of its replicas runs any more.
         */
        REPLICAS
    }

    public DriftFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(what, "what");
        expected = expected == null ? "" : expected;
        found = found == null ? "" : found;
    }

    /** {@code FILES_CHANGED blue hello-staging-blue: /www/x.html added (expected: …, found: …)}, for logs. */
    public String describe() {
        return kind + " " + (colour == null ? "-" : colour.label()) + " " + container + ": " + what + " (expected: "
                + expected + "; found: " + found + ")";
    }
}
