package io.jenkins.plugins.immutable.engine.api;

/**
 * Every failure the engine reports to its callers: one or two lines that say what was attempted, why it
 * failed and what to do, never a credential. The {@link Kind} tells the caller how to exit.
 */
public class ReleaseException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, and the {@code immutable} command's exit code for it. */
    public enum Kind {
        /** A flag, field, file or value was wrong; nothing was changed. */
        BAD_INPUT(2),
        /** The Docker daemon, the registry or the router could not be reached. */
        UNREACHABLE(3),
        /** The operation failed and was undone; traffic did not move. */
        FAILED_SAFELY(4);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public ReleaseException(Kind kind, String message) {
        this(kind, message, null);
    }

    public ReleaseException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
