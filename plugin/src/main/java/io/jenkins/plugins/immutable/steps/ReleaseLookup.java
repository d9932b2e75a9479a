package io.jenkins.plugins.immutable.steps;

import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import io.jenkins.plugins.immutable.record.RollbackTargets;
import io.jenkins.plugins.immutable.record.RollbackTargets.Target;
import java.util.List;
import java.util.Optional;

/** Reads {@code toBuild: N} from this job's build #N's record; the rules are {@link RollbackTargets}'. */
final class ReleaseLookup {

    private ReleaseLookup() {
    }

    static Target target(Run<?, ?> run, Integer toBuild, String toRelease, String toDigest) throws AbortException {
        Job<?, ?> job = run.getParent();
        return RollbackTargets.resolve(toBuild, toRelease, toDigest, number -> {
            Run<?, ?> build = job.getBuildByNumber(number);
            if (build == null) {
                return Optional.empty();
            }
            ReleaseAction action = build.getAction(ReleaseAction.class);
            return Optional.of(action == null ? List.<RecordedRelease>of() : action.getReleases());
        });
    }
}
