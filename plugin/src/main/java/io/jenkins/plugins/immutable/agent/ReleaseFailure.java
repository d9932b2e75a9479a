package io.jenkins.plugins.immutable.agent;

import hudson.AbortException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An engine failure as the build sees it: an {@link AbortException} (its message in the log, no stack trace) that
 * also carries the engine's {@link ReleaseException.Kind}, so the controller can record, for example, that a
 * deploy was aborted safely. Defined in the plugin so it may cross the remoting channel.
 */
public final class ReleaseFailure extends AbortException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    /** The rows of a canary that ended in this failure (an abort), else empty. */
    private final ArrayList<CanaryStepOutcome> canarySteps;

    public ReleaseFailure(ReleaseException.Kind kind, String message) {
        this(kind, message, List.of());
    }

    public ReleaseFailure(ReleaseException.Kind kind, String message, List<CanaryStepOutcome> canarySteps) {
        super(message);
        this.kind = kind.name();
        this.canarySteps = new ArrayList<>(canarySteps);
    }

    /** This failure with the rows of the canary it ended. */
    public ReleaseFailure withCanarySteps(List<CanaryStepOutcome> steps) {
        ReleaseFailure copy = new ReleaseFailure(kind(), getMessage(), steps);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The rows of the canary this failure ended (an abort): its verdicts and the abort, oldest first. */
    public List<CanaryStepOutcome> canarySteps() {
        return canarySteps == null ? List.of() : Collections.unmodifiableList(canarySteps);
    }

    public ReleaseException.Kind kind() {
        return ReleaseException.Kind.valueOf(kind);
    }

    /** The operation failed and was undone: traffic did not move. */
    public boolean failedSafely() {
        return kind() == ReleaseException.Kind.FAILED_SAFELY;
    }
}
