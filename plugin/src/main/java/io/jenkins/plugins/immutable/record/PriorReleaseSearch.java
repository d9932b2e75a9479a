package io.jenkins.plugins.immutable.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, among the releases the job's builds recorded, those an {@code immutableBuild} could reuse: same input
 * digest, same repository, provenance archived. Newest build first, each release once, at most {@code limit}: the
 * engine takes the first one whose digest the registry still serves, so older ones rarely matter.
 */
public final class PriorReleaseSearch {

    /** The releases one build recorded. */
    public record BuildRecord(int buildNumber, List<RecordedRelease> releases) {
    }

    /** A release worth offering, and the build whose artifacts hold its provenance. */
    public record Candidate(int buildNumber, RecordedRelease release) {
    }

    private PriorReleaseSearch() {
    }

    public static List<Candidate> candidates(List<BuildRecord> builds, String inputDigest, String repository, int limit) {
        List<BuildRecord> newestFirst = new ArrayList<>(builds);
        newestFirst.sort(Comparator.comparingInt(BuildRecord::buildNumber).reversed());
        List<Candidate> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BuildRecord build : newestFirst) {
            List<RecordedRelease> releases = new ArrayList<>(build.releases());
            // A build that recorded several releases: its latest one first, as across builds.
            releases.sort(Comparator.comparingLong(RecordedRelease::getRecordedMillis).reversed());
            for (RecordedRelease release : releases) {
                if (found.size() >= limit) {
                    return found;
                }
                if (matches(release, inputDigest, repository) && seen.add(release.getReleaseId())) {
                    found.add(new Candidate(build.buildNumber(), release));
                }
            }
        }
        return found;
    }

    private static boolean matches(RecordedRelease release, String inputDigest, String repository) {
        return inputDigest != null && inputDigest.equals(release.getInputDigest())
                && repository != null && repository.equals(release.getRepository())
                && release.getProvenanceFile() != null;
    }
}
