package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.io.PrintStream;

/** A build's result for people, ending with the command that deploys it. */
final class BuildText {

    private BuildText() {
    }

    static void print(BuildResult result, PrintStream out) {
        Release release = result.release();
        out.println(result.reused()
                ? "reused " + release.id() + " by input digest: a release of the same inputs exists and the registry still "
                        + "serves it; nothing was built or pushed"
                : "built " + release.id());
        Table table = new Table("", "");
        table.row("  ref", release.ref());
        table.row("  input digest", release.inputDigest());
        table.row("  source", (release.sourceUri() == null ? "" : release.sourceUri() + " ")
                + (release.sourceRevision() == null ? "" : release.sourceRevision()));
        table.row("  created", Times.format(release.created()) + " by " + release.builderId());
        table.row("  release", result.releaseFile());
        table.row("  provenance", result.provenanceFile());
        if (result.signed()) {
            table.row("  signed", result.keyId() + " (in the registry as " + release.ref().repository() + ":"
                    + release.digest().value().replace(':', '-') + ".att)");
            table.row("  attestation", result.attestationFile());
        } else {
            table.row("  signed", "no");
        }
        table.printWithoutHeader(out);
        out.println("deploy it: immutable deploy --env NAME --ref " + release.ref());
    }
}
