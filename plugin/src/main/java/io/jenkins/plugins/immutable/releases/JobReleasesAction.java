package io.jenkins.plugins.immutable.releases;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's "Releases" page ({@code job/NAME/immutable-releases/}): what each environment runs, the history of
 * releases and deployments across the job's newest builds, and how to return to each. Computed from the build
 * records, which are the history; the result is cached per job until a build starts or a record changes, so a page
 * view (and the side panel, rendered on every job page) does not load builds each time.
 */
public final class JobReleasesAction implements Action {

    /** Builds looked at to decide whether the side panel shows the link. */
    static final int RECENT_BUILDS = 25;
    /** Builds the page reads, newest first: each one is loaded from disk. */
    static final int PAGE_BUILDS = 200;

    private static final long MAX_AGE_MILLIS = 5 * 60_000L;
    private static final StampedCache<Boolean> LINKS = new StampedCache<>(MAX_AGE_MILLIS, System::currentTimeMillis);
    private static final StampedCache<ReleasesView> VIEWS = new StampedCache<>(MAX_AGE_MILLIS, System::currentTimeMillis);

    private final Job<?, ?> job;

    JobReleasesAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return LINKS.get(job.getFullName(), stamp(), this::hasRecentReleases) ? "/plugin/immutable-release/images/releases.svg" : null;
    }

    @Override
    public String getDisplayName() {
        return "Releases";
    }

    @Override
    public String getUrlName() {
        return "immutable-releases";
    }

    public ReleasesView getView() {
        return VIEWS.get(job.getFullName(), stamp(), this::computeView);
    }

    /** Changes when a build starts (next number) or any record changes; reading it loads no build. */
    private List<Long> stamp() {
        return List.of((long) job.getNextBuildNumber(), ReleaseAction.changeCount());
    }

    private ReleasesView computeView() {
        List<BuildReleases> builds = new ArrayList<>();
        int seen = 0;
        for (Run<?, ?> run : job.getBuilds()) {
            if (++seen > PAGE_BUILDS) {
                break;
            }
            ReleaseAction action = run.getAction(ReleaseAction.class);
            if (action != null) {
                builds.add(new BuildReleases(run.getNumber(), run.getUrl(), action));
            }
        }
        return ReleasesView.of(builds);
    }

    private boolean hasRecentReleases() {
        int seen = 0;
        for (Run<?, ?> run : job.getBuilds()) {
            if (run.getAction(ReleaseAction.class) != null) {
                return true;
            }
            if (++seen >= RECENT_BUILDS) {
                return false;
            }
        }
        return false;
    }
}
