package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a canary's rows from the engine's events while an operation runs on the agent: each verdict, an operator's
 * promote, the abort. A step's beginning is not a row (it has no figures yet; the log has it).
 */
public final class CanarySteps implements EventHandler {

    private static final String BEGUN = "begun";

    private final Clock clock;
    private final List<CanaryStepOutcome> rows = new ArrayList<>();

    public CanarySteps(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void on(EngineEvent event) {
        if (event instanceof EngineEvent.CanaryStep step && !BEGUN.equals(step.verdict())) {
            rows.add(CanaryStepOutcome.of(step, clock.millis()));
        }
    }

    /** The rows so far, oldest first; an ArrayList, which Jenkins' remoting class filter accepts. */
    public synchronized ArrayList<CanaryStepOutcome> rows() {
        return new ArrayList<>(rows);
    }

    /**
     * The operation's result with the rows attached when it is an environment (a deploy); other results as they are.
     */
    <T> T attachTo(T result) {
        if (result instanceof EnvironmentOutcome environment && !rows().isEmpty()) {
            @SuppressWarnings("unchecked")
            T withRows = (T) environment.withCanarySteps(rows());
            return withRows;
        }
        return result;
    }
}
