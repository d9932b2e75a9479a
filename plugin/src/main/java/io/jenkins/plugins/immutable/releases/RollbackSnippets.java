package io.jenkins.plugins.immutable.releases;

import io.jenkins.plugins.immutable.record.RecordedRelease;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact {@code immutableRollback} call that returns an environment to a release: {@code toBuild: N} where build
 * #N of this job recorded that release and only that one (so {@code toBuild} is unambiguous), else
 * {@code toRelease: 'id'}.
 */
final class RollbackSnippets {

    private final Map<String, Integer> buildOfRelease = new HashMap<>();

    RollbackSnippets(List<BuildReleases> builds) {
        Map<String, Integer> original = new HashMap<>();
        Map<String, Integer> any = new HashMap<>();
        // Oldest first, so the build that first made a release names it; one that only reused it is second choice.
        for (BuildReleases build : builds.stream().sorted(Comparator.comparingInt(BuildReleases::number)).toList()) {
            Set<String> ids = new HashSet<>();
            build.action().getReleases().forEach(r -> ids.add(r.getReleaseId()));
            if (ids.size() != 1) {
                continue;
            }
            RecordedRelease only = build.action().getReleases().get(0);
            any.putIfAbsent(only.getReleaseId(), build.number());
            if (!only.isReused()) {
                original.putIfAbsent(only.getReleaseId(), build.number());
            }
        }
        buildOfRelease.putAll(any);
        buildOfRelease.putAll(original);
    }

    /** {@code toBuild: 41} or {@code toRelease: 'rel-…'}. */
    String target(String releaseId) {
        Integer build = buildOfRelease.get(releaseId);
        return build != null ? "toBuild: " + build : "toRelease: '" + releaseId + "'";
    }

    String call(String environment, String releaseId) {
        return "immutableRollback(environment: '" + environment + "', " + target(releaseId) + ")";
    }
}
