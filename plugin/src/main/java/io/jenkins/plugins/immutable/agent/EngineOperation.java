package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * One engine call made on the agent. It carries only plugin-defined or JDK values, and returns one: the engine's
 * own types stay on the agent, because Jenkins' remoting class filter admits classes of a plugin's own jar but not
 * those of the libraries it bundles.
 *
 * @param <T> what comes back to the controller
 */
public interface EngineOperation<T extends Serializable> extends Serializable {

    /** Runs against an open engine; {@code workspace} is the agent's workspace folder. */
    T run(ReleaseEngine engine, Path workspace) throws ReleaseException;

    /** The step parameter for an engine field name, so messages say what the user typed. */
    default String parameterName(String engineField) {
        return engineField;
    }
}
