package io.jenkins.plugins.immutable.steps;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.EnvironmentOutcome;
import io.jenkins.plugins.immutable.agent.PromoteOperation;
import io.jenkins.plugins.immutable.record.Recording;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs {@code immutablePromote}: one router switch, sub-second, so no resumable execution is needed. */
final class PromoteStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when the step runs; after a restart SynchronousNonBlockingStepExecution fails the step without using it.")
    private final transient ImmutablePromoteStep step;

    PromoteStepExecution(ImmutablePromoteStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        AgentSettings settings = LedgerAccess.forCall(AgentSettings.of(step.getStateDir(), context.get(EnvVars.class)), run);
        EnvironmentOutcome outcome = workspace.act(new EngineCallable<>(settings, listener, new PromoteOperation(step.getEnvironment())));
        BuildRecords.recordDeployments(run, Recording.promoted(outcome, System.currentTimeMillis()));
        return StepResults.environment(outcome);
    }
}
