package io.jenkins.plugins.immutable.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A step execution whose work runs on a background thread and survives a controller restart (STYLE.md #7): the
 * request lives in the subclass's fields, which Pipeline saves with the program; {@link #onResume()} runs the work
 * again, which the engine makes safe, or fails clearly where it would not be.
 */
abstract class BackgroundStepExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private transient volatile Future<?> task;

    BackgroundStepExecution(StepContext context) {
        super(context);
    }

    /** The work; its result is the step's return value. {@code resumed} is {@code true} after a controller restart. */
    protected abstract Object work(boolean resumed) throws Exception;

    /** Whether running {@link #work} again after a restart is safe; else the step fails asking the user to check. */
    protected abstract boolean resumable();

    /** What the step is doing, for the Pipeline's thread dump and stage view. */
    protected abstract String describe();

    @Override
    public final boolean start() {
        launch(false);
        return false;
    }

    @Override
    public void onResume() {
        if (!resumable()) {
            getContext().onFailure(new AbortException("The Jenkins controller restarted while " + describe()
                    + "; running it again could change the environment twice. Check the environment and run the step again."));
            return;
        }
        launch(true);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Future<?> running = task;
        if (running != null) {
            running.cancel(true); // interrupts the agent call; the engine leaves traffic on a healthy colour
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        Future<?> running = task;
        return (running == null || running.isDone() ? "not running: " : "running: ") + describe();
    }

    private void launch(boolean resumed) {
        task = StepThreads.submit(() -> {
            try {
                if (resumed) {
                    getContext().get(TaskListener.class).getLogger().println("Resuming after a controller restart: " + describe());
                }
                getContext().onSuccess(work(resumed));
            } catch (Throwable failure) {
                getContext().onFailure(failure);
            }
        });
    }
}
