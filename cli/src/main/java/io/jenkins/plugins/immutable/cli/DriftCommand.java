package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.DriftReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable drift}: what changed behind the engine's back in an environment, and its repair by replacement. */
@Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare what runs in an environment with what the engine started and set: files changed in a live "
                + "or warm container since it started (outside the environment's writable paths), a container not "
                + "running its recorded digest, its env, command, ports, restart policy or read-only root changed, "
                + "containers with the environment's label or names that the engine did not start, and HAProxy's "
                + "servers pointing at another address, port, weight or state than the engine set.",
                "",
                "Exit 0 when nothing drifted (or --repair repaired all of it), 5 when drift is found (or left).", ""},
        footer = {"", "Examples:", "  immutable drift --env staging",
                "  immutable drift --env staging --repair --output json"})
final class DriftCommand extends EngineCommand {

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment's name, such as staging.")
    String environment;

    @Option(names = "--repair", description = "Replace each drifted colour by a fresh container of its recorded digest "
            + "through the health-gated path (a drifted container is never kept warm; traffic moves only to a healthy "
            + "colour), set the router back, and remove unknown containers that take no traffic. Never patches.")
    boolean repair;

    @Override
    protected int run(Session session) throws Exception {
        String name = Requests.environment(environment);
        DriftReport report = session.engine().drift(name, repair, null);
        if (session.output().json()) {
            session.output().document(Json.drift(report));
        } else {
            DriftText.print(report, repair, session.output().text(), session.output()::alreadyShown);
        }
        return report.drifted() ? ExitCode.DRIFT : ExitCode.DONE;
    }
}
