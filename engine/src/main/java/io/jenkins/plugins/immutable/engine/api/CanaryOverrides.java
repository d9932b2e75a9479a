package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The canary settings one deploy was given, field by field: {@code null} keeps the environment's stored value (or the
 * default on its first canary), so {@code --canary-interval 10s} alone changes the interval and nothing else.
 *
 * @param steps        the shares, or {@code null}
 * @param interval     the analysis interval, or {@code null}
 * @param maxErrorRate the highest error rate as a fraction, or {@code null}
 * @param maxP99       the highest response time, or {@code null}; {@link #NO_LIMIT} removes a stored limit
 * @param minRequests  the fewest requests a step is judged on, or {@code null}
 */
public record CanaryOverrides(List<Integer> steps, Duration interval, Double maxErrorRate, Duration maxP99, Integer minRequests)
        implements Serializable {

    /** {@code --max-p99 none}: no response-time limit, whatever was stored. */
    public static final Duration NO_LIMIT = Duration.ZERO;

    public static final CanaryOverrides NONE = new CanaryOverrides(null, null, null, null, null);

    public CanaryOverrides {
        steps = steps == null ? null : List.copyOf(steps);
    }

    /** The request's field names of what was given, in the flags' order ({@code canarySteps}, {@code canaryInterval}, …). */
    public List<String> givenFields() {
        List<String> fields = new ArrayList<>();
        if (steps != null) {
            fields.add("canarySteps");
        }
        if (interval != null) {
            fields.add("canaryInterval");
        }
        if (maxErrorRate != null) {
            fields.add("maxErrorRate");
        }
        if (maxP99 != null) {
            fields.add("maxP99");
        }
        if (minRequests != null) {
            fields.add("minRequests");
        }
        return fields;
    }

    /** {@code base} with each given field replaced; {@code base}'s inconclusive limit stays. */
    public CanarySettings applyTo(CanarySettings base) {
        Duration p99 = maxP99 == null ? base.maxP99() : maxP99.equals(NO_LIMIT) ? null : maxP99;
        return new CanarySettings(steps != null ? steps : base.steps(), interval != null ? interval : base.interval(),
                maxErrorRate != null ? maxErrorRate : base.maxErrorRate(), p99,
                minRequests != null ? minRequests : base.minRequests(), base.inconclusiveLimit());
    }
}
