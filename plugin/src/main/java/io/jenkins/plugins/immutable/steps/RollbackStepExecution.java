package io.jenkins.plugins.immutable.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.EnvironmentOutcome;
import io.jenkins.plugins.immutable.agent.RegistryLogin;
import io.jenkins.plugins.immutable.agent.RollbackOperation;
import io.jenkins.plugins.immutable.record.Recording;
import io.jenkins.plugins.immutable.record.RollbackTargets.Target;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code immutableRollback} on a background thread: when the target's colour is no longer warm, the rollback is
 * a full deploy with a health check. After a controller restart it runs again only for a named target (putting back
 * a release that is already active is a no-op); "the previous release" would step back twice, so that case fails.
 */
final class RollbackStepExecution extends BackgroundStepExecution {

    private static final long serialVersionUID = 1L;

    private final String environment;
    private final Integer toBuild;
    private final String toRelease;
    private final String toDigest;
    private final AgentSettings settings;
    private final String registryCredentialsId;

    RollbackStepExecution(StepContext context, ImmutableRollbackStep step, AgentSettings settings) {
        super(context);
        this.environment = step.getEnvironment();
        this.toBuild = step.getToBuild();
        this.toRelease = step.getToRelease();
        this.toDigest = step.getToDigest();
        this.settings = settings;
        this.registryCredentialsId = step.getRegistryCredentialsId();
    }

    @Override
    protected Object work(FilePath workspace, boolean resumed) throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        // Resolved here, on the worker thread: toBuild reads another build's record from disk, never on the CPS VM thread.
        Target target = ReleaseLookup.target(run, toBuild, toRelease, toDigest);
        // Looked up anew on each run: a secret is never kept in this execution. The target's registry is known only
        // on the agent, so the credentials are not narrowed to a domain.
        RegistryLogin login = RegistryCredentialsLookup.find(run, registryCredentialsId, null);
        EnvironmentOutcome outcome = workspace.act(new EngineCallable<>(LedgerAccess.forCall(settings, run), listener,
                new RollbackOperation(environment, target.releaseId(), target.digest(), login)));
        BuildRecords.recordDeployments(run, Recording.rolledBack(outcome, System.currentTimeMillis()));
        return StepResults.environment(outcome);
    }

    @Override
    protected boolean resumable() {
        return toBuild != null || toRelease != null || toDigest != null;
    }

    @Override
    protected String describe() {
        String target = toRelease != null ? toRelease : toDigest != null ? toDigest : toBuild != null ? "the release of build #" + toBuild
                : "the previous release";
        return "rolling " + environment + " back to " + target;
    }
}
