package io.jenkins.plugins.immutable.releases;

import io.jenkins.plugins.immutable.record.DeploymentOutcome;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The job's Releases page, computed from what its builds recorded: per environment what is live (the newest
 * deployment that moved traffic), what waits for promotion, and the history with the rollback call for each earlier
 * release; then every release, newest first. Pure: built from plain records, so it is tested without Jenkins.
 */
public final class ReleasesView {

    private final List<EnvironmentSection> environments;
    private final List<ReleaseRow> releases;

    private ReleasesView(List<EnvironmentSection> environments, List<ReleaseRow> releases) {
        this.environments = List.copyOf(environments);
        this.releases = List.copyOf(releases);
    }

    public static ReleasesView of(List<BuildReleases> builds) {
        List<BuildReleases> newestFirst = builds.stream().sorted(Comparator.comparingInt(BuildReleases::number).reversed()).toList();
        RollbackSnippets snippets = new RollbackSnippets(newestFirst);
        List<EnvironmentSection> environments = new ArrayList<>();
        rowsByEnvironment(newestFirst).forEach((name, rows) -> environments.add(section(name, rows, snippets)));
        List<ReleaseRow> releases = new ArrayList<>();
        for (BuildReleases build : newestFirst) {
            List<RecordedRelease> recorded = new ArrayList<>(build.action().getReleases());
            recorded.sort(Comparator.comparingLong(RecordedRelease::getRecordedMillis).reversed());
            for (RecordedRelease release : recorded) {
                releases.add(new ReleaseRow(build.number(), build.url(), release, liveIn(environments, release.getReleaseId()),
                        snippets.target(release.getReleaseId())));
            }
        }
        return new ReleasesView(environments, releases);
    }

    public List<EnvironmentSection> getEnvironments() {
        return environments;
    }

    public List<ReleaseRow> getReleases() {
        return releases;
    }

    public boolean isEmpty() {
        return environments.isEmpty() && releases.isEmpty();
    }

    /** Raw rows per environment (sorted by name), newest first: by time, then build, then order within the build. */
    private static Map<String, List<Raw>> rowsByEnvironment(List<BuildReleases> builds) {
        Map<String, List<Raw>> byEnvironment = new TreeMap<>();
        for (BuildReleases build : builds) {
            List<RecordedDeployment> deployments = build.action().getDeployments();
            for (int i = 0; i < deployments.size(); i++) {
                RecordedDeployment d = deployments.get(i);
                byEnvironment.computeIfAbsent(d.getEnvironment(), k -> new ArrayList<>()).add(new Raw(build, d, i));
            }
        }
        Comparator<Raw> newestFirst = Comparator.comparingLong((Raw r) -> r.deployment().getTimeMillis())
                .thenComparingInt(r -> r.build().number()).thenComparingInt(Raw::index).reversed();
        byEnvironment.values().forEach(rows -> rows.sort(newestFirst));
        return byEnvironment;
    }

    private static EnvironmentSection section(String name, List<Raw> rows, RollbackSnippets snippets) {
        Raw live = rows.stream().filter(r -> r.deployment().getOutcome() != null && r.deployment().getOutcome().live()).findFirst().orElse(null);
        String liveRelease = live == null ? null : live.deployment().getReleaseId();
        List<DeploymentRow> history = new ArrayList<>();
        for (Raw raw : rows) {
            RecordedDeployment d = raw.deployment();
            boolean isLive = raw == live;
            boolean canReturn = d.getOutcome() != null && d.getOutcome().live() && d.getReleaseId() != null
                    && !Objects.equals(d.getReleaseId(), liveRelease);
            history.add(new DeploymentRow(raw.build().number(), raw.build().url(), d,
                    canReturn ? snippets.call(name, d.getReleaseId()) : null, isLive));
        }
        DeploymentRow liveRow = live == null ? null : history.get(rows.indexOf(live));
        DeploymentRow preview = history.get(0).getOutcome() == DeploymentOutcome.HEALTHY ? history.get(0) : null;
        return new EnvironmentSection(name, liveRow, preview, history);
    }

    private static List<String> liveIn(List<EnvironmentSection> environments, String releaseId) {
        return environments.stream()
                .filter(e -> e.getLive() != null && Objects.equals(e.getLive().getReleaseId(), releaseId))
                .map(EnvironmentSection::getName)
                .toList();
    }

    private record Raw(BuildReleases build, RecordedDeployment deployment, int index) {
    }
}
