package io.jenkins.plugins.immutable.engine.router;

/**
 * A server's operational state, the {@code srv_op_state} column of {@code show servers state} (0 to 3). Without
 * health checks (the engine checks health itself) HAProxy reports a server {@link #RUNNING} while it is not in
 * maintenance and {@link #STOPPED} while it is.
 */
public enum OperationalState {
    /** 0: down. */
    STOPPED,
    /** 1: up but warming up (slow start). */
    STARTING,
    /** 2: fully up. */
    RUNNING,
    /** 3: up but soft-stopping; takes no new requests. */
    STOPPING;

    /** The state of a {@code srv_op_state} value. */
    public static OperationalState fromCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("srv_op_state " + code + " is not one of 0 (stopped), 1 (starting), "
                    + "2 (running), 3 (stopping)");
        }
        return values()[code];
    }

    /** Whether the load balancer may pick the server (given an admin state that allows it). */
    boolean up() {
        return this == STARTING || this == RUNNING;
    }
}
