package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.nio.file.Path;

/** {@code immutableDriftCheck}: compares an environment with what the engine started and set; repairs when asked. */
public final class DriftOperation implements EngineOperation<DriftOutcome> {

    private static final long serialVersionUID = 1L;

    private final String environment;
    private final boolean repair;

    public DriftOperation(String environment, boolean repair) {
        this.environment = environment;
        this.repair = repair;
    }

    @Override
    public DriftOutcome run(ReleaseEngine engine, Path workspace) throws ReleaseException {
        // Pulls during a repair use the agent's Docker logins, as promote does.
        return DriftOutcome.of(engine.drift(environment, repair, null));
    }
}
