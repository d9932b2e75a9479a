package io.jenkins.plugins.immutable.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code immutable}: holds the commands (registered by {@link Cli}) and the context they run in. */
@Command(name = "immutable", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Build an image once, record its digest and SLSA provenance, deploy it by digest blue/green "
                + "behind HAProxy, and roll back by putting an earlier digest back.", ""},
        footer = {"", "Exit codes: 0 done; 2 bad input; 3 a component unreachable; 4 the operation failed safely "
                + "(traffic did not move).", "Try it: bin/immutable demo"})
public final class ImmutableCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    ImmutableCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    /** Without a command there is nothing to do: say which exist, and exit as for any usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCode.BAD_INPUT;
    }
}
