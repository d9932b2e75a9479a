package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable status}: the ledger's view of an environment beside what the router and containers really do. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show an environment: each colour's state, release, ref and since when, the colour HAProxy "
                + "actually serves, and any disagreement between the ledger and the world.", ""},
        footer = {"", "Example:", "  immutable status --env staging"})
final class StatusCommand extends EngineCommand {

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment's name, such as staging.")
    String environment;

    @Override
    protected int run(Session session) throws Exception {
        String name = Requests.environment(environment);
        EnvironmentView view = session.engine().status(name);
        Results.environment(session.output(), view, null);
        return ExitCode.DONE;
    }
}
