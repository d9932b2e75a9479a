package io.jenkins.plugins.immutable.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * A command that works through the engine. Subclasses validate their flags into an engine request first and only
 * then ask the {@link Session} for the engine, so bad input never touches the ledger or a daemon.
 */
abstract class EngineCommand implements Callable<Integer>, UsesCommonOptions {

    @ParentCommand
    ImmutableCommand root;

    @Mixin
    CommonOptions common;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public final Integer call() throws Exception {
        CliContext context = root.context();
        common.validate(context);
        Output output = new Output(context, common.output);
        try (Session session = new Session(context, common, output)) {
            return run(session);
        }
    }

    /** Does the work; returns the exit code. Failures are thrown as the engine's {@code ReleaseException}s. */
    protected abstract int run(Session session) throws Exception;
}
