package io.jenkins.plugins.immutable.releases;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's "Releases" page ({@code job/NAME/immutable-releases/}): what each environment runs, the history of
 * releases and deployments across the job's builds, and how to return to each. Computed when viewed, from the build
 * records, which are the history: nothing is stored here.
 */
public final class JobReleasesAction implements Action {

    /** Builds looked at to decide whether the side panel shows the link; the page itself reads them all. */
    static final int RECENT_BUILDS = 25;

    private final Job<?, ?> job;

    JobReleasesAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return hasRecentReleases() ? "/plugin/immutable-release/images/releases.svg" : null;
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
        List<BuildReleases> builds = new ArrayList<>();
        for (Run<?, ?> run : job.getBuilds()) {
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
