package io.jenkins.plugins.immutable.engine;

import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;

/** Opens the engine. The one class outside the {@code api} package that callers use. */
public final class ReleaseEngines {

    private ReleaseEngines() {
    }

    /**
     * Opens an engine over the state folder and Docker host of {@code config}. Nothing is contacted until an operation
     * needs it; close the engine to release its connections.
     */
    public static ReleaseEngine open(EngineConfig config) {
        return new DefaultReleaseEngine(config);
    }
}
