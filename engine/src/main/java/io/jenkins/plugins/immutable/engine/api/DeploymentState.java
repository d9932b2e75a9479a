package io.jenkins.plugins.immutable.engine.api;

/**
 * A release in a colour of an environment: {@code STARTING → HEALTHY → (CANARY) → ACTIVE → WARM → RETIRED}, or
 * {@code → ABORTED} when its health check fails or it is aborted.
 */
public enum DeploymentState {
    /** Its container is starting; no traffic. */
    STARTING,
    /** It passed its health check and waits for promotion; no traffic. */
    HEALTHY,
    /** It passed its health check and receives a share of the traffic beside the stable colour (a canary step). */
    CANARY,
    /** It receives the traffic. */
    ACTIVE,
    /** It was active before; its container still runs, so a rollback to it is a switch. */
    WARM,
    /** Its container is gone; a rollback to it redeploys its digest. */
    RETIRED,
    /** It failed its health check or was aborted; it never received traffic. */
    ABORTED
}
