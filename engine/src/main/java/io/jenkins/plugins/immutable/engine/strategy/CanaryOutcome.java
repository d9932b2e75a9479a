package io.jenkins.plugins.immutable.engine.strategy;

/**
 * How a canary ended: {@code promote} (the final switch to the new colour follows) or an abort, with why and the figures
 * of the step that decided it ({@code null} when an operator aborted).
 */
public record CanaryOutcome(boolean promote, String reason, StepFigures figures, boolean byOperator) {

    static CanaryOutcome promoted(String reason) {
        return new CanaryOutcome(true, reason, null, false);
    }

    static CanaryOutcome aborted(String reason, StepFigures figures, boolean byOperator) {
        return new CanaryOutcome(false, reason, figures, byOperator);
    }
}
