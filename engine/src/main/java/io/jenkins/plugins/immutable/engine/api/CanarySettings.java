package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a canary moves traffic and judges it: the environment's strategy is canary when its settings hold one.
 *
 * @param steps             the canary's traffic shares in percent, increasing; {@link #PAUSE} waits for {@code promote}.
 *                          Reaching 100 (or the end of the list) is the normal switch to the new colour.
 * @param interval          how long each analysis interval lasts
 * @param maxErrorRate      the highest error rate that passes, a fraction (0.01 for 1 %): (5xx + response errors +
 *                          connection errors) / requests, over the step so far
 * @param maxP99            the highest response time that passes, or {@code null} for no limit; HAProxy 2.6 has no
 *                          percentile, so it is compared with the highest {@code rtime} (average over the last 1024
 *                          requests) seen in the step
 * @param minRequests       fewer requests than this in a step is inconclusive: never a pass
 * @param inconclusiveLimit how many inconclusive intervals in a row a step may have before the canary is aborted
 */
public record CanarySettings(List<Integer> steps, Duration interval, double maxErrorRate, Duration maxP99, int minRequests,
        int inconclusiveLimit) implements Serializable {

    /** A step that waits for {@code promote}: the share stays where the step before put it. */
    public static final int PAUSE = 0;
    public static final List<Integer> DEFAULT_STEPS = List.of(5, 25, 50, 100);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final double DEFAULT_MAX_ERROR_RATE = 0.01;
    public static final int DEFAULT_MIN_REQUESTS = 50;
    /** Three inconclusive intervals in a row abort: a canary never waits forever for traffic, nor passes without it. */
    public static final int DEFAULT_INCONCLUSIVE_LIMIT = 3;

    public CanarySettings {
        steps = steps == null || steps.isEmpty() ? DEFAULT_STEPS : List.copyOf(steps);
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        minRequests = Math.max(minRequests, 1);
        inconclusiveLimit = inconclusiveLimit < 1 ? DEFAULT_INCONCLUSIVE_LIMIT : inconclusiveLimit;
    }

    public static CanarySettings defaults() {
        return new CanarySettings(DEFAULT_STEPS, DEFAULT_INTERVAL, DEFAULT_MAX_ERROR_RATE, null, DEFAULT_MIN_REQUESTS,
                DEFAULT_INCONCLUSIVE_LIMIT);
    }

    /**
     * Parses {@code 5,25,pause,50,100}: shares from 1 to 100, strictly increasing, {@code pause} anywhere after a share.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static List<Integer> parseSteps(String text) {
        List<Integer> steps = new ArrayList<>();
        int last = 0;
        for (String part : text.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.equals("pause")) {
                steps.add(PAUSE);
                continue;
            }
            int share;
            try {
                share = Integer.parseInt(p.endsWith("%") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a step: expected shares in percent or 'pause',"
                        + " such as 5,25,pause,100");
            }
            if (share < 1 || share > 100) {
                throw new IllegalArgumentException("the share " + share + " is outside 1 to 100: expected percentages such as 5,25,50,100");
            }
            if (share <= last) {
                throw new IllegalArgumentException("the steps must increase, but " + share + " follows " + last);
            }
            last = share;
            steps.add(share);
        }
        if (last == 0) {
            throw new IllegalArgumentException("'" + text + "' has no share: expected shares in percent, such as 5,25,50,100");
        }
        return steps;
    }

    /**
     * Parses {@code 1%}, {@code 0.5%} or a fraction such as {@code 0.01}.
     *
     * @throws IllegalArgumentException when it is not a percentage from 0 to 100
     */
    public static double parseRate(String text) {
        String t = text.strip();
        try {
            double value = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100
                    : Double.parseDouble(t);
            if (value >= 0 && value <= 1 && !Double.isNaN(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a percentage: expected one from 0% to 100%, such as 1% or 0.5%");
    }

    /**
     * These settings with a manual gate before the final switch: a {@link #PAUSE} after the last share below 100 (unless
     * the steps already end with one), then 100. With manual promotion a canary runs and is judged as usual, and the
     * share it reached waits for {@code promote} as at any pause (failures are still watched) instead of taking all traffic.
     */
    public CanarySettings withFinalPause() {
        List<Integer> gated = new ArrayList<>();
        for (int step : steps) {
            if (step >= 100) {
                break;
            }
            gated.add(step);
        }
        if (gated.isEmpty() || gated.get(gated.size() - 1) != PAUSE) {
            gated.add(PAUSE);
        }
        gated.add(100);
        return new CanarySettings(gated, interval, maxErrorRate, maxP99, minRequests, inconclusiveLimit);
    }

    /** {@code 5,25,pause,100}. */
    public static String describeSteps(List<Integer> steps) {
        return String.join(",", steps.stream().map(s -> s == PAUSE ? "pause" : Integer.toString(s)).toList());
    }
}
