package io.jenkins.plugins.immutable.releases;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Adds the "Releases" page to every job; the page shows in the side panel once a recent build recorded a release. */
@Extension
@SuppressWarnings("rawtypes") // TransientActionFactory<Job> as core's own factories for jobs are declared
public final class JobReleasesActionFactory extends TransientActionFactory<Job> {

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return JobReleasesAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job target) {
        return List.of(new JobReleasesAction((Job<?, ?>) target));
    }
}
