package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.ReleaseListing;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable releases}: every release and where it runs now, or one environment's deployment history. */
@Command(name = "releases", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the recorded releases, newest first: id, created, image ref, input digest, source revision, "
                + "and where and in which colour each runs now. With --env: that environment's deployment history.", ""},
        footer = {"", "Examples:", "  immutable releases", "  immutable releases --env staging --output json"})
final class ReleasesCommand extends EngineCommand {

    @Option(names = "--env", paramLabel = "NAME", description = "Show this environment's deployment history instead.")
    String environment;

    @Override
    protected int run(Session session) throws Exception {
        Output output = session.output();
        if (environment != null) {
            String name = Requests.environment(environment);
            List<DeploymentRecord> history = session.engine().history(name).stream()
                    .sorted(Comparator.comparing(DeploymentRecord::at).reversed()).toList();
            if (output.json()) {
                output.document(Json.history(history));
            } else {
                ReleasesText.printHistory(name, history, output.text());
            }
            return ExitCode.DONE;
        }
        if (output.json()) {
            // Streamed, newest created first, each release copied as stored: 100,000 are printed without being
            // held at once, or read into records.
            output.releaseArray(writer -> session.engine().eachReleaseRow(writer));
            return ExitCode.DONE;
        }
        // the engine returns newest first; sorting again keeps the promise whatever its order becomes
        List<ReleaseListing> releases = session.engine().releases().stream()
                .sorted(Comparator.comparing((ReleaseListing l) -> l.release().created()).reversed()).toList();
        ReleasesText.printReleases(releases, output.text());
        return ExitCode.DONE;
    }
}
