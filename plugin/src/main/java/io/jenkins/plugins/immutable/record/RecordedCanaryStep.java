package io.jenkins.plugins.immutable.record;

import io.jenkins.plugins.immutable.agent.CanaryStepOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One row of a canary a deployment ran: a step's verdict (success, failure, inconclusive), an operator's promote, or
 * the abort, with the figures the verdict was reached on. A plain class with final fields, written and restored by
 * XStream.
 */
@ExportedBean(defaultVisibility = 4)
public final class RecordedCanaryStep {

    private static final String ABORTED = "aborted";

    private final int step;
    private final int share;
    private final long requests;
    private final long errors;
    private final long p99Millis;
    private final String verdict;
    private final String detail;
    private final long timeMillis;

    public RecordedCanaryStep(int step, int share, long requests, long errors, long p99Millis, String verdict, String detail,
            long timeMillis) {
        this.step = step;
        this.share = share;
        this.requests = requests;
        this.errors = errors;
        this.p99Millis = p99Millis;
        this.verdict = verdict;
        this.detail = detail;
        this.timeMillis = timeMillis;
    }

    static RecordedCanaryStep of(CanaryStepOutcome row) {
        return new RecordedCanaryStep(row.step(), row.share(), row.requests(), row.errors(), row.p99Millis(), row.verdict(),
                row.detail(), row.timeMillis());
    }

    /** 1-based position in the canary's steps. */
    @Exported(visibility = 4)
    public int getStep() {
        return step;
    }

    /** The canary's share of new requests, in percent. */
    @Exported(visibility = 4)
    public int getShare() {
        return share;
    }

    /** Answers the canary gave since the step began (the sum of HAProxy's response classes). */
    @Exported(visibility = 4)
    public long getRequests() {
        return requests;
    }

    /** 5xx answers, response errors and connection errors since the step began. */
    @Exported(visibility = 4)
    public long getErrors() {
        return errors;
    }

    /** The response-time figure: the highest HAProxy {@code rtime} seen in the step (HAProxy 2.6 has no percentile). */
    @Exported(visibility = 4)
    public long getP99Millis() {
        return p99Millis;
    }

    /** {@code success}, {@code failure}, {@code inconclusive}, {@code promoted} or {@code aborted}. */
    @Exported(visibility = 4)
    public String getVerdict() {
        return verdict;
    }

    /** The engine's line for the row, with the reason. */
    @Exported(visibility = 4)
    public String getDetail() {
        return detail;
    }

    @Exported(visibility = 4)
    public long getTimeMillis() {
        return timeMillis;
    }

    /** When, ISO-8601 in UTC. */
    public String getTime() {
        return Instant.ofEpochMilli(timeMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Whether the row carries figures: the abort's row has none of its own (the verdict before it has them). */
    public boolean isMeasured() {
        return !ABORTED.equals(verdict);
    }

    /** {@code 0.71%}: errors over requests, as the engine judges them. */
    public String getErrorRate() {
        double rate = requests == 0 ? (errors > 0 ? 1.0 : 0.0) : (double) errors / Math.max(requests, errors);
        return String.format(java.util.Locale.ROOT, "%.2f%%", rate * 100);
    }
}
