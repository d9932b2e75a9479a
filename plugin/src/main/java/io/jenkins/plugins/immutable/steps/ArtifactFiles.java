package io.jenkins.plugins.immutable.steps;

import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import java.util.LinkedHashMap;
import java.util.Map;

/** The artifacts map for {@code ArtifactManager.archive}: path among the build's artifacts → path in the output folder. */
final class ArtifactFiles {

    private ArtifactFiles() {
    }

    static Map<String, String> of(RecordedRelease recorded, BuildOutcome outcome) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(recorded.getReleaseFile(), outcome.releaseFileName());
        files.put(recorded.getProvenanceFile(), outcome.provenanceFileName());
        return files;
    }
}
