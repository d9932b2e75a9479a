package io.jenkins.plugins.immutable.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.DeployOperation;
import io.jenkins.plugins.immutable.agent.DeploySpec;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.EnvironmentOutcome;
import io.jenkins.plugins.immutable.agent.RegistryLogin;
import io.jenkins.plugins.immutable.agent.ReleaseFailure;
import io.jenkins.plugins.immutable.record.Recording;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code immutableDeploy} on a background thread: starting a colour and waiting for its health check may take
 * minutes. After a controller restart it deploys again, which the engine makes a no-op when the ref is already active.
 */
final class DeployStepExecution extends BackgroundStepExecution {

    private static final long serialVersionUID = 1L;

    private final DeploySpec spec;
    private final AgentSettings settings;
    private final String registryCredentialsId;
    /** {@code null} in executions written before it existed, as when not given. */
    private final String verifyKeyCredentialsId;

    DeployStepExecution(StepContext context, DeploySpec spec, AgentSettings settings, String registryCredentialsId,
            String verifyKeyCredentialsId) {
        super(context);
        this.spec = spec;
        this.settings = settings;
        this.registryCredentialsId = registryCredentialsId;
        this.verifyKeyCredentialsId = verifyKeyCredentialsId;
    }

    @Override
    protected Object work(FilePath workspace, boolean resumed) throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        // Looked up anew on each run: a secret is never kept in this execution, which Pipeline writes to disk.
        RegistryLogin login = RegistryCredentialsLookup.find(run, registryCredentialsId, RegistryUris.forRef(spec.ref()));
        String verifyKey = KeyCredentialsLookup.verifyKey(run, verifyKeyCredentialsId);
        EnvironmentOutcome outcome;
        try {
            outcome = workspace.act(new EngineCallable<>(settings, listener, new DeployOperation(spec, login, verifyKey)));
        } catch (ReleaseFailure failure) {
            if (failure.failedSafely()) {
                BuildRecords.recordDeployments(run, List.of(Recording.aborted(spec.environment(), spec.ref(), System.currentTimeMillis(),
                        failure.canarySteps())));
            }
            throw failure;
        }
        BuildRecords.recordDeployments(run, Recording.deployed(outcome, spec.ref(), System.currentTimeMillis()));
        return StepResults.environment(outcome);
    }

    @Override
    protected boolean resumable() {
        return true;
    }

    @Override
    protected String describe() {
        return "deploying " + spec.ref() + " to " + spec.environment();
    }
}
