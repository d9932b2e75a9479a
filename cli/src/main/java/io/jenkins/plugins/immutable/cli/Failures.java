package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one or two lines on stderr that name the flag or component, and into the contract's exit
 * code. Stack traces only with {@code --debug}: people read the message, scripts read the code.
 */
final class Failures {

    private final CliContext context;

    Failures(CliContext context) {
        this.context = context;
    }

    /** picocli could not parse the command line: unknown flag, missing required option, bad value. */
    int onUsageError(ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        String message = describe(e);
        context.err().println(command + ": " + message);
        context.err().println("Run '" + command + " --help' for the options and an example.");
        if (Arrays.asList(args).contains("--debug")) {
            e.printStackTrace(context.err());
        }
        if (wantsJson(args)) {
            context.out().println(Json.error(ExitCode.BAD_INPUT, "BAD_INPUT", List.of(message)));
        }
        return ExitCode.BAD_INPUT;
    }

    /** The command ran and failed: the engine's kind decides the exit code. */
    int onFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        String command = commandLine.getCommandSpec().qualifiedName();
        CommonOptions common = commandLine.getCommand() instanceof UsesCommonOptions uses ? uses.common() : null;
        int code;
        String kind;
        String message;
        if (e instanceof InvalidInputException bad) {
            code = ExitCode.BAD_INPUT;
            kind = bad.kind().name();
            message = bad.describe(Flags::forField);
        } else if (e instanceof ReleaseException failure) {
            code = failure.kind().exitCode();
            kind = failure.kind().name();
            message = explain(failure);
        } else {
            code = ExitCode.INTERNAL;
            kind = "INTERNAL";
            message = "unexpected error: " + e + ". This is a bug: run again with --debug for the stack trace and report it.";
        }
        List<String> lines = message.lines().toList();
        lines.forEach(line -> context.err().println(command + ": " + line));
        if (code == ExitCode.BAD_INPUT) {
            context.err().println("Run '" + command + " --help' for the options and an example.");
        }
        if (common != null && common.debug) {
            e.printStackTrace(context.err());
        }
        if (common != null && common.output == OutputFormat.JSON) {
            context.out().println(Json.error(code, kind, lines));
        }
        return code;
    }

    /** Adds what the contract promises when the engine's message leaves it out. */
    private static String explain(ReleaseException failure) {
        String message = failure.getMessage();
        if (failure instanceof ComponentUnreachableException unreachable && unreachable.address() != null
                && !message.contains(unreachable.address())) {
            message += " (" + unreachable.component().label() + " at " + unreachable.address() + ")";
        }
        if (failure.kind() == ReleaseException.Kind.FAILED_SAFELY && !message.toLowerCase(Locale.ROOT).contains("traffic")) {
            message += "\nTraffic did not move.";
        }
        return message;
    }

    private static String describe(ParameterException e) {
        if (e instanceof MissingParameterException missing) {
            boolean noValue = !String.valueOf(e.getMessage()).startsWith("Missing required option");
            return missing.getMissing().stream().map(spec -> describeMissing(spec, noValue))
                    .reduce((a, b) -> a + "; " + b).orElse(e.getMessage());
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            boolean atRoot = !e.getCommandLine().getSubcommands().isEmpty();
            String what = first.startsWith("-") ? "unknown option '" + first + "'"
                    : atRoot ? "unknown command '" + first + "'"
                    : "unexpected argument '" + first + "': expected only options";
            // picocli suggests the nearest names even for a word like no other; only near misses help
            List<String> suggestions = unmatched.getSuggestions().stream().filter(s -> nearMiss(first, s)).toList();
            if (!suggestions.isEmpty()) {
                return what + " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
            return atRoot ? what + ": expected one of " + String.join(", ", e.getCommandLine().getSubcommands().keySet()) : what;
        }
        return e.getMessage().lines().findFirst().orElse("invalid command line");
    }

    private static boolean nearMiss(String typed, String suggestion) {
        String a = typed.replaceFirst("^-+", "");
        String b = suggestion.replaceFirst("^-+", "");
        return a.length() >= 2 && b.length() >= 2 && a.regionMatches(true, 0, b, 0, 2);
    }

    private static String describeMissing(ArgSpec spec, boolean noValue) {
        if (!(spec instanceof OptionSpec option)) {
            return "missing " + spec.paramLabel();
        }
        String expected = option.description().length == 0 ? "" : ": expected " + lowerFirst(option.description()[0]);
        return (noValue ? option.longestName() + " needs a value " + option.paramLabel() : "missing " + option.longestName()
                + " " + option.paramLabel()) + expected;
    }

    private static String lowerFirst(String sentence) {
        String s = sentence.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean wantsJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equalsIgnoreCase("--output=json")
                    || args[i].equals("--output") && i + 1 < args.length && args[i + 1].equalsIgnoreCase("json")) {
                return true;
            }
        }
        return false;
    }
}
