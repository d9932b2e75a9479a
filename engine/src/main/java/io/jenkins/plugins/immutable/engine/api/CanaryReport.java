package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An environment's canary in progress, or its last canary, as its history recorded it: one row per verdict.
 *
 * @param releaseId the canary's release
 * @param colour    the colour it ran in
 * @param outcome   {@code in progress}, {@code promoted} (it took all traffic) or {@code aborted}
 * @param steps     the rows, oldest first
 */
public record CanaryReport(String releaseId, Colour colour, String outcome, List<Step> steps) implements Serializable {

    public static final String IN_PROGRESS = "in progress";
    public static final String PROMOTED = "promoted";
    public static final String ABORTED = "aborted";

    public CanaryReport {
        steps = List.copyOf(steps);
    }

    /**
     * One verdict of a step (or an operator's promote, or the abort).
     *
     * @param at        when it was recorded
     * @param step      1-based position in the steps; 0 for the abort
     * @param share     the canary's share of new requests in percent
     * @param requests  answers the canary gave since the step began (the sum of HAProxy's response classes)
     * @param errors    5xx answers, response errors and connection errors since the step began
     * @param p99Millis the response-time figure: the highest {@code rtime} seen in the step (HAProxy 2.6 has no percentile)
     * @param verdict   {@code success}, {@code failure}, {@code inconclusive}, {@code promoted} or {@code aborted}
     * @param reason    why, in words
     */
    public record Step(Instant at, int step, int share, long requests, long errors, long p99Millis, String verdict, String reason)
            implements Serializable {
    }
}
