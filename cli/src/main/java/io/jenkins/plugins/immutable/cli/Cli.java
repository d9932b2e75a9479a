package io.jenkins.plugins.immutable.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Builds the configured command line: the commands, and how failures become messages and exit codes. */
public final class Cli {

    /** Every command by its name, in the order {@code --help} lists them; each class's {@code @Command} has the same name. */
    static final Map<String, Class<?>> COMMANDS;

    static {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("build", BuildCommand.class);
        commands.put("deploy", DeployCommand.class);
        commands.put("promote", PromoteCommand.class);
        commands.put("abort", AbortCommand.class);
        commands.put("rollback", RollbackCommand.class);
        commands.put("status", StatusCommand.class);
        commands.put("drift", DriftCommand.class);
        commands.put("router-config", RouterConfigCommand.class);
        commands.put("releases", ReleasesCommand.class);
        commands.put("verify", VerifyCommand.class);
        commands.put("keygen", KeygenCommand.class);
        commands.put("demo", DemoCommand.class);
        COMMANDS = java.util.Collections.unmodifiableMap(commands);
    }

    private Cli() {
    }

    /** Runs one command with {@code context}'s streams, environment and engine; returns the exit code. */
    public static int run(CliContext context, String... args) {
        return create(context, args).execute(args);
    }

    /** The whole command line, every command registered: for help and for tests. */
    static CommandLine create(CliContext context) {
        return create(context, new String[0]);
    }

    /**
     * The command line {@code args} need. picocli reads each command's annotations by reflection when it is registered
     * (a tenth of a second for all of them, at every start), so when the first argument names a command only that one is
     * registered; anything else ({@code --help}, a typo, nothing) gets them all, and the same messages as ever.
     */
    static CommandLine create(CliContext context, String[] args) {
        Failures failures = new Failures(context);
        CommandLine line = new CommandLine(new ImmutableCommand(context));
        Class<?> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        for (Map.Entry<String, Class<?>> command : COMMANDS.entrySet()) {
            if (named == null || command.getValue() == named) {
                line.addSubcommand(command.getKey(), command.getValue());
            }
        }
        return line
                .setOut(new java.io.PrintWriter(context.out(), true))
                .setErr(new java.io.PrintWriter(context.err(), true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                // digests and examples are long; 100 columns keeps each example on its own lines
                .setUsageHelpWidth(100)
                .setParameterExceptionHandler(failures::onUsageError)
                .setExecutionExceptionHandler(failures::onFailure);
    }
}
