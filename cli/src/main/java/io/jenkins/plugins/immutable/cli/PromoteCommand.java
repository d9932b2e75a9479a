package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable promote}: move traffic to the healthy colour a manual-promotion deploy left waiting. */
@Command(name = "promote", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Move traffic to the colour that passed its health check and waits for promotion "
                + "(after 'deploy --manual-promotion').",
            "During a canary: the running canary advances past its pause, or else straight to 100% (the normal switch).", ""},
        footer = {"", "Example:", "  immutable promote --env staging"})
final class PromoteCommand extends EngineCommand {

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment's name, such as staging.")
    String environment;

    @Override
    protected int run(Session session) throws Exception {
        String name = Requests.environment(environment);
        EnvironmentView view = session.engine().promote(name);
        Results.environment(session.output(), view, Headlines.promote(view));
        return ExitCode.DONE;
    }
}
