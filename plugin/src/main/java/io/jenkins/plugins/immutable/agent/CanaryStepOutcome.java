package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import java.io.Serializable;

/**
 * One row of a canary as the agent saw it: a verdict of a step, an operator's promote, or the abort. Plain values for
 * the controller, which records them on the build.
 */
public final class CanaryStepOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final int share;
    private final long requests;
    private final long errors;
    private final long p99Millis;
    private final String verdict;
    private final String detail;
    private final long timeMillis;

    /**
     * @param verdict {@code success}, {@code failure}, {@code inconclusive}, {@code promoted} or {@code aborted}
     * @param detail  the engine's line for it
     */
    public CanaryStepOutcome(int step, int share, long requests, long errors, long p99Millis, String verdict, String detail,
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

    static CanaryStepOutcome of(EngineEvent.CanaryStep event, long timeMillis) {
        return new CanaryStepOutcome(event.step(), event.share(), event.requests(), event.errors(), event.p99Millis(),
                event.verdict(), event.text(), timeMillis);
    }

    public int step() {
        return step;
    }

    public int share() {
        return share;
    }

    public long requests() {
        return requests;
    }

    public long errors() {
        return errors;
    }

    public long p99Millis() {
        return p99Millis;
    }

    public String verdict() {
        return verdict;
    }

    public String detail() {
        return detail;
    }

    public long timeMillis() {
        return timeMillis;
    }
}
