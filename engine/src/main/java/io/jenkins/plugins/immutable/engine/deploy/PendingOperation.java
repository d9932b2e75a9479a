package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import java.time.Instant;

/**
 * The intent written before a step that changes the world, cleared when the step's outcome is recorded. Found on the
 * next command, it says what an interrupted process was doing, so that command can finish or undo it.
 *
 * @param operation {@code deploy}, {@code promote}, {@code rollback} or {@code abort}
 * @param phase     {@code starting} (a container is being started in {@code colour}) or {@code switching} (the router is
 *                  moving traffic from {@code from} to {@code colour})
 * @param colour    the colour being started or switched to
 * @param from      the colour traffic is moving away from, or {@code null}
 * @param pid       the process that wrote it
 * @param at        when
 */
record PendingOperation(String operation, String phase, Colour colour, Colour from, long pid, Instant at) {

    static final String STARTING = "starting";
    static final String SWITCHING = "switching";
}
