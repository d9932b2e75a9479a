package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.nio.file.Path;

/** Moves traffic to the healthy colour an {@code immutableDeploy(manualPromotion: true)} left waiting. */
public final class PromoteOperation implements EngineOperation<EnvironmentOutcome> {

    private static final long serialVersionUID = 1L;

    private final String environment;

    public PromoteOperation(String environment) {
        this.environment = environment;
    }

    @Override
    public EnvironmentOutcome run(ReleaseEngine engine, Path workspace) throws ReleaseException {
        return EnvironmentOutcome.of(engine.promote(environment));
    }
}
