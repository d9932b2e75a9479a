package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable rollback}: put an earlier release back, by switching to its warm colour or redeploying its digest. */
@Command(name = "rollback", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Put an earlier release back: the one active before the current one, or the one named. If its "
                + "colour is still warm the router switches back at once; otherwise its recorded digest is deployed "
                + "blue/green again. Nothing is rebuilt.", ""},
        footer = {"", "Examples:", "  immutable rollback --env staging",
                "  immutable rollback --env staging --to rel-3f2a9c1b7d4e",
                "  immutable rollback --env staging --to-digest sha256:<64 hex>"})
final class RollbackCommand extends EngineCommand {

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment's name, such as staging.")
    String environment;

    @Option(names = "--to", paramLabel = "RELEASE_ID", description = "The release to put back, such as rel-3f2a9c1b7d4e.")
    String toRelease;

    @Option(names = "--to-digest", paramLabel = "sha256:HEX", description = "The image digest to put back.")
    String toDigest;

    @Override
    protected int run(Session session) throws Exception {
        RollbackRequest request = RollbackRequest.of(environment, toRelease, toDigest);
        EnvironmentView view = session.engine().rollback(request);
        Results.environment(session.output(), view, Headlines.rollback(view));
        return ExitCode.DONE;
    }
}
