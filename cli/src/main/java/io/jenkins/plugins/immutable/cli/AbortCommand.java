package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code immutable abort}: remove the colour waiting for promotion (traffic never moved to it), or end a running canary:
 * all traffic back to the stable colour at once.
 */
@Command(name = "abort", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Remove the colour waiting for promotion. Traffic never moved to it and stays where it is.",
            "During a canary: all new requests go back to the stable colour at once, without analysis; the deploy running"
                    + " the canary removes the canary's container and ends with exit 4 (if it died, this command removes it).",
            ""},
        footer = {"", "Example:", "  immutable abort --env staging"})
final class AbortCommand extends EngineCommand {

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment's name, such as staging.")
    String environment;

    @Override
    protected int run(Session session) throws Exception {
        String name = Requests.environment(environment);
        EnvironmentView view = session.engine().abort(name);
        Results.environment(session.output(), view, Headlines.abort(view));
        return ExitCode.DONE;
    }
}
