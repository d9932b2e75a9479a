package io.jenkins.plugins.immutable.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.security.ACL;
import java.time.Duration;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/**
 * A step execution whose work runs on a background thread and survives a controller restart (STYLE.md #7): the
 * request lives in the subclass's fields, which Pipeline saves with the program; {@link #onResume()} waits for the
 * agent to reconnect and runs the work again, which the engine makes safe, or fails clearly where it would not be.
 */
abstract class BackgroundStepExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    /** How long a resumed step waits for its agent: {@code -D…BackgroundStepExecution.agentTimeoutSeconds=N}. */
    static final Duration AGENT_TIMEOUT = Duration.ofSeconds(Long.getLong(BackgroundStepExecution.class.getName() + ".agentTimeoutSeconds", 300));
    private static final Duration AGENT_POLL = Duration.ofSeconds(5);

    // Where the workspace is, kept as text (a FilePath's channel does not survive a restart), as DurableTaskStep does.
    private String node;
    private String remote;

    private transient volatile Worker worker;

    BackgroundStepExecution(StepContext context) {
        super(context);
    }

    /**
     * The work; its result is the step's return value.
     *
     * @param workspace the workspace, reachable (after a restart: once its agent reconnected)
     * @param resumed   {@code true} after a controller restart
     */
    protected abstract Object work(FilePath workspace, boolean resumed) throws Exception;

    /** Whether running {@link #work} again after a restart is safe; else the step fails asking the user to check. */
    protected abstract boolean resumable();

    /** What the step is doing, for the Pipeline's thread dump and stage view. */
    protected abstract String describe();

    @Override
    public final boolean start() throws Exception {
        FilePath workspace = getContext().get(FilePath.class);
        node = FilePathUtils.getNodeName(workspace);
        remote = workspace.getRemote();
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
        Worker running = worker;
        if (running == null) {
            getContext().onFailure(cause);
        } else {
            running.stop(cause, callback());
        }
    }

    /** A safe restart waits while the work runs: a deploy must not be cut off mid-switch. */
    @Override
    public boolean blocksRestart() {
        Worker running = worker;
        return running != null && running.isRunning();
    }

    @Override
    public String getStatus() {
        Worker running = worker;
        return (running != null && running.isRunning() ? "running: " : "not running: ") + describe();
    }

    private void launch(boolean resumed) {
        Authentication auth = Jenkins.getAuthentication2();
        Worker next = new Worker();
        worker = next;
        next.start(() -> {
            FilePath workspace;
            if (resumed) {
                TaskListener listener = getContext().get(TaskListener.class);
                listener.getLogger().println("Resuming after a controller restart: " + describe());
                workspace = awaitWorkspace(listener);
            } else {
                workspace = getContext().get(FilePath.class);
            }
            return work(workspace, resumed);
        }, callback(), () -> ACL.as2(auth));
    }

    private FilePath awaitWorkspace(TaskListener listener) throws AbortException, InterruptedException {
        String agent = node == null || node.isEmpty() ? "the built-in node" : "agent " + node;
        return AgentWait.await(() -> {
            FilePath ws = FilePathUtils.find(node, remote);
            return ws != null && ws.isDirectory() ? ws : null;
        }, agent, AGENT_TIMEOUT, AGENT_POLL, listener.getLogger());
    }

    private Worker.Callback callback() {
        StepContext context = getContext();
        return new Worker.Callback() {
            @Override
            public void success(Object result) {
                context.onSuccess(result);
            }

            @Override
            public void failure(Throwable cause) {
                context.onFailure(cause);
            }
        };
    }
}
