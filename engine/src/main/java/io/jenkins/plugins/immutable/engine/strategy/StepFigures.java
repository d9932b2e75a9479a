package io.jenkins.plugins.immutable.engine.strategy;

import java.util.Locale;

/**
 * A canary step's figures and the verdict on them.
 *
 * @param step      1-based position in the steps
 * @param share     the canary's share of new requests in percent
 * @param requests  answers the canary gave since the step began (the sum of HAProxy's response classes)
 * @param errors    5xx answers, response errors and connection errors since the step began
 * @param p99Millis the response-time figure: the highest {@code rtime} (HAProxy's average over the server's last 1024
 *                  requests) seen in the step's polls; HAProxy 2.6 has no percentile
 * @param verdict   success, failure or inconclusive
 * @param reason    why, in words
 */
public record StepFigures(int step, int share, long requests, long errors, long p99Millis, Verdict verdict, String reason) {

    public double errorRate() {
        return requests == 0 ? (errors > 0 ? 1.0 : 0.0) : (double) errors / Math.max(requests, errors);
    }

    /** {@code 120 requests, 3 errors (2.50%), p99≈4 ms (rtime)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d requests, %d errors (%.2f%%), p99≈%d ms (rtime)", requests, errors,
                errorRate() * 100, p99Millis);
    }
}
