package io.jenkins.plugins.immutable.steps;

import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.DriftOperation;
import io.jenkins.plugins.immutable.agent.DriftOutcome;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.ReleaseFailure;
import io.jenkins.plugins.immutable.record.DriftAction;
import io.jenkins.plugins.immutable.record.RecordedDriftCheck;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code immutableDriftCheck} on a background thread: a repair starts containers and waits for their health
 * checks. A check alone only reads, so it runs again after a controller restart; a repair does not.
 */
final class DriftCheckStepExecution extends BackgroundStepExecution {

    private static final long serialVersionUID = 1L;

    // Parallel branches of one build may record at the same time; only one may attach the action.
    private static final Object ATTACH_LOCK = new Object();

    private final String environment;
    private final boolean repair;
    private final AgentSettings settings;

    DriftCheckStepExecution(StepContext context, String environment, boolean repair, AgentSettings settings) {
        super(context);
        this.environment = environment;
        this.repair = repair;
        this.settings = settings;
    }

    @Override
    protected Object work(FilePath workspace, boolean resumed) throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        DriftOutcome outcome;
        try {
            outcome = workspace.act(new EngineCallable<>(LedgerAccess.forCall(settings, run), listener, new DriftOperation(environment, repair)));
        } catch (ReleaseFailure failure) {
            actionOf(run).record(RecordedDriftCheck.failed(environment, repair, failure.getMessage(), System.currentTimeMillis()));
            run.save();
            throw failure; // FAILURE: the check or its repair failed
        }
        actionOf(run).record(RecordedDriftCheck.of(outcome, repair, System.currentTimeMillis()));
        run.save(); // with performance-optimised durability nothing else writes build.xml soon
        DriftResults.log(outcome, repair).forEach(listener.getLogger()::println);
        Result result = DriftResults.buildResult(outcome);
        if (result != null) {
            run.setResult(result);
        }
        return DriftResults.map(outcome);
    }

    private static DriftAction actionOf(Run<?, ?> run) {
        synchronized (ATTACH_LOCK) {
            DriftAction action = run.getAction(DriftAction.class);
            if (action == null) {
                action = new DriftAction();
                run.addAction(action);
            }
            return action;
        }
    }

    @Override
    protected boolean resumable() {
        return !repair;
    }

    @Override
    protected String describe() {
        return (repair ? "repairing drift in " : "checking drift in ") + environment;
    }
}
