package io.jenkins.plugins.immutable.cli;

/** The command's exit codes (DESIGN.md, "The immutable command"); scripts depend on them. */
final class ExitCode {

    static final int DONE = 0;
    /** Not in the contract's list: a bug in this program, never a user's mistake. */
    static final int INTERNAL = 1;
    static final int BAD_INPUT = 2;
    static final int UNREACHABLE = 3;
    static final int FAILED_SAFELY = 4;
    /** {@code drift} found drift, or some was left after {@code --repair}. */
    static final int DRIFT = 5;

    private ExitCode() {
    }
}
