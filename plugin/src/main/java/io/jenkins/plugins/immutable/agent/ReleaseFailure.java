package io.jenkins.plugins.immutable.agent;

import hudson.AbortException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;

/**
 * An engine failure as the build sees it: an {@link AbortException} (its message in the log, no stack trace) that
 * also carries the engine's {@link ReleaseException.Kind}, so the controller can record, for example, that a
 * deploy was aborted safely. Defined in the plugin so it may cross the remoting channel.
 */
public final class ReleaseFailure extends AbortException {

    private static final long serialVersionUID = 1L;

    private final String kind;

    public ReleaseFailure(ReleaseException.Kind kind, String message) {
        super(message);
        this.kind = kind.name();
    }

    public ReleaseException.Kind kind() {
        return ReleaseException.Kind.valueOf(kind);
    }

    /** The operation failed and was undone: traffic did not move. */
    public boolean failedSafely() {
        return kind() == ReleaseException.Kind.FAILED_SAFELY;
    }
}
