package io.jenkins.plugins.immutable.steps;

import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.immutable.agent.PriorReleaseSpec;
import io.jenkins.plugins.immutable.record.PriorReleaseSearch;
import io.jenkins.plugins.immutable.record.PriorReleaseSearch.BuildRecord;
import io.jenkins.plugins.immutable.record.PriorReleaseSearch.Candidate;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.util.VirtualFile;

/**
 * The releases earlier builds of the job recorded from the same inputs, with their archived provenance, for the
 * engine to reuse: what makes a replayed or rebuilt run give the same image instead of a new one.
 */
final class PriorReleases {

    /** The engine reuses the first candidate the registry still serves; a handful covers deleted images. */
    static final int MAX_CANDIDATES = 5;

    /** How many of the job's newest builds are searched: each one looked at is read from disk. */
    static final int MAX_BUILDS = 100;

    private PriorReleases() {
    }

    static List<PriorReleaseSpec> find(Run<?, ?> run, String inputDigest, String repository, TaskListener listener) throws IOException {
        Job<?, ?> job = run.getParent();
        List<BuildRecord> records = new ArrayList<>();
        Map<Integer, Run<?, ?>> byNumber = new HashMap<>();
        int seen = 0;
        for (Run<?, ?> build : job.getBuilds()) {
            if (++seen > MAX_BUILDS) {
                break;
            }
            ReleaseAction action = build.getAction(ReleaseAction.class);
            if (action != null && !action.getReleases().isEmpty()) {
                records.add(new BuildRecord(build.getNumber(), action.getReleases()));
                byNumber.put(build.getNumber(), build);
            }
        }
        List<PriorReleaseSpec> priors = new ArrayList<>();
        for (Candidate candidate : PriorReleaseSearch.candidates(records, inputDigest, repository, MAX_CANDIDATES)) {
            String provenance = read(byNumber.get(candidate.buildNumber()), candidate.release().getProvenanceFile());
            if (provenance == null) {
                listener.getLogger().println("immutableBuild: build #" + candidate.buildNumber() + " recorded "
                        + candidate.release().getReleaseId() + " from the same inputs, but its provenance artifact is gone; not offered for reuse");
                continue;
            }
            priors.add(spec(candidate.release(), provenance));
            listener.getLogger().println("immutableBuild: build #" + candidate.buildNumber() + " recorded "
                    + candidate.release().getReleaseId() + " from the same inputs; offered for reuse");
        }
        return priors;
    }

    static PriorReleaseSpec spec(RecordedRelease r, String provenanceJson) {
        return new PriorReleaseSpec(r.getReleaseId(), r.getApp(), r.getRef(), r.getInputDigest(), r.getSourceUri(),
                r.getSourceRevision(), r.getCreatedMillis(), r.getBuilderId(), provenanceJson);
    }

    private static String read(Run<?, ?> build, String artifactPath) throws IOException {
        VirtualFile file = build.getArtifactManager().root().child(artifactPath);
        if (!file.exists()) {
            return null;
        }
        try (InputStream in = file.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
