package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ReleaseListing;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** The release table and an environment's history, newest first. */
final class ReleasesText {

    private ReleasesText() {
    }

    static void printReleases(List<ReleaseListing> listings, PrintStream out) {
        if (listings.isEmpty()) {
            out.println("no releases recorded yet: build one with 'immutable build --image REPO --context DIR'");
            return;
        }
        Table table = new Table("RELEASE", "CREATED", "IMAGE REF", "INPUT", "REVISION", "RUNS NOW");
        for (ReleaseListing listing : listings) {
            var release = listing.release();
            table.row(release.id(), Times.format(release.created()), release.ref(), shortDigest(release.inputDigest()),
                    shortRevision(release.sourceRevision()), placements(listing));
        }
        table.print(out);
    }

    static void printHistory(String environment, List<DeploymentRecord> records, PrintStream out) {
        if (records.isEmpty()) {
            out.println("environment " + environment + " has no deployments yet");
            return;
        }
        Table table = new Table("AT", "COLOUR", "STATE", "RELEASE", "REF", "DETAIL");
        for (DeploymentRecord record : records) {
            table.row(Times.format(record.at()), record.colour() == null ? null : record.colour().label(), record.state(),
                    record.releaseId(), record.ref(), record.detail());
        }
        table.print(out);
    }

    private static String placements(ReleaseListing listing) {
        // retired and aborted colours run nothing; the JSON keeps them for scripts that want the whole picture
        return listing.placements().stream()
                .filter(p -> p.state() != DeploymentState.RETIRED && p.state() != DeploymentState.ABORTED)
                .map(p -> p.environment() + "/" + p.colour().label() + " " + p.state())
                .collect(Collectors.joining(", "));
    }

    static String shortDigest(Digest digest) {
        return digest == null ? null : "sha256:" + digest.shortHex(12);
    }

    /** Git revisions are long; the first 12 characters identify one as well as the whole. */
    static String shortRevision(String revision) {
        return revision == null || revision.length() <= 12 ? revision : revision.substring(0, 12);
    }
}
