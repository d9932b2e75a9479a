package io.jenkins.plugins.immutable.cli;

import picocli.CommandLine;

/** Builds the configured command line: the commands, and how failures become messages and exit codes. */
public final class Cli {

    private Cli() {
    }

    /** Runs one command with {@code context}'s streams, environment and engine; returns the exit code. */
    public static int run(CliContext context, String... args) {
        return create(context).execute(args);
    }

    static CommandLine create(CliContext context) {
        Failures failures = new Failures(context);
        return new CommandLine(new ImmutableCommand(context))
                .setOut(new java.io.PrintWriter(context.out(), true))
                .setErr(new java.io.PrintWriter(context.err(), true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                // digests and examples are long; 100 columns keeps each example on its own lines
                .setUsageHelpWidth(100)
                .setParameterExceptionHandler(failures::onUsageError)
                .setExecutionExceptionHandler(failures::onFailure);
    }
}
