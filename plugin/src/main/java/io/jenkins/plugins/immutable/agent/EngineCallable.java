package io.jenkins.plugins.immutable.agent;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.immutable.engine.ReleaseEngines;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs one {@link EngineOperation} on the agent, where the workspace and the Docker daemon are: opens the engine
 * over the agent's state folder, sends its events to the build log, and turns every engine failure into a
 * {@link ReleaseFailure} whose message names the step's parameters.
 *
 * @param <T> the operation's result
 */
public final class EngineCallable<T extends Serializable> extends MasterToSlaveFileCallable<T> {

    private static final long serialVersionUID = 1L;

    private final AgentSettings settings;
    private final TaskListener listener;
    private final EngineOperation<T> operation;

    public EngineCallable(AgentSettings settings, TaskListener listener, EngineOperation<T> operation) {
        this.settings = settings;
        this.listener = listener;
        this.operation = operation;
    }

    @Override
    public T invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path ws = workspace.toPath().toAbsolutePath();
        CanarySteps canary = new CanarySteps(java.time.Clock.systemUTC());
        EngineConfig config = settings.engineConfig(ws, System.getProperty("user.home"))
                .handler(new BuildLog(listener.getLogger()))
                .handler(canary)
                .build();
        try (ReleaseEngine engine = ReleaseEngines.open(config)) {
            return canary.attachTo(execute(operation, engine, ws));
        } catch (ReleaseFailure failure) {
            // An aborted canary's rows travel with the failure, so the build records why it was aborted.
            throw canary.rows().isEmpty() ? failure : failure.withCanarySteps(canary.rows());
        }
    }

    /** The translation around an operation, apart from opening the engine (tests give an engine of their own). */
    public static <T extends Serializable> T execute(EngineOperation<T> operation, ReleaseEngine engine, Path workspace)
            throws ReleaseFailure {
        try {
            return operation.run(engine, workspace);
        } catch (InvalidInputException e) {
            throw new ReleaseFailure(e.kind(), e.describe(operation::parameterName));
        } catch (ReleaseException e) {
            throw new ReleaseFailure(e.kind(), e.getMessage());
        }
    }
}
