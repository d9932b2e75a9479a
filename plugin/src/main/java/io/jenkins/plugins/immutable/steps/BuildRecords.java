package io.jenkins.plugins.immutable.steps;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import java.io.IOException;
import java.util.List;
import jenkins.util.BuildListenerAdapter;

/** Writes what the steps did into the build: the {@link ReleaseAction} and the release files among the artifacts. */
final class BuildRecords {

    // Parallel branches of one build may record at the same time; only one may attach the action.
    private static final Object ATTACH_LOCK = new Object();

    private BuildRecords() {
    }

    static ReleaseAction actionOf(Run<?, ?> run) {
        synchronized (ATTACH_LOCK) {
            ReleaseAction action = run.getAction(ReleaseAction.class);
            if (action == null) {
                action = new ReleaseAction();
                run.addAction(action);
            }
            return action;
        }
    }

    /** Records the release and archives its two files, unless this build recorded that release already. */
    static void recordRelease(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener, BuildOutcome outcome)
            throws IOException, InterruptedException {
        RecordedRelease recorded = actionOf(run).recordRelease(outcome, System.currentTimeMillis());
        if (recorded == null) {
            return;
        }
        run.save(); // the record first: with performance-optimised durability nothing else writes build.xml soon
        FilePath outputDir = new FilePath(workspace.getChannel(), outcome.outputDir());
        run.pickArtifactManager().archive(outputDir, launcher, new BuildListenerAdapter(listener), ArtifactFiles.of(recorded, outcome));
        listener.getLogger().println(recordedLine(recorded));
    }

    /** The log line of a recorded release: its id, ref, origin and signing key id (the key itself is never here). */
    static String recordedLine(RecordedRelease recorded) {
        return "immutableBuild: recorded " + recorded.getReleaseId() + " (" + recorded.getRef() + ")"
                + (recorded.isReused() ? ", reused from " + recorded.getBuilderId() : "") + ", " + recorded.getSignatureLabel()
                + "; archived " + recorded.getReleaseFile() + " and " + recorded.getProvenanceFile();
    }

    static void recordDeployments(Run<?, ?> run, List<RecordedDeployment> deployments) throws IOException {
        if (!deployments.isEmpty()) {
            actionOf(run).recordDeployments(deployments);
            run.save(); // with performance-optimised durability nothing else writes build.xml soon; a crash would lose it
        }
    }
}
