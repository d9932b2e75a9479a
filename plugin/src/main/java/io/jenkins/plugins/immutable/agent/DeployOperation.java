package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.nio.file.Path;

/**
 * Deploys a release by digest, blue/green. Safe to run again after a controller restart: the engine treats a deploy
 * of the ref already active in the environment as a no-op.
 */
public final class DeployOperation implements EngineOperation<EnvironmentOutcome> {

    private static final long serialVersionUID = 1L;

    private final DeploySpec spec;
    private final RegistryLogin login;

    /** @param login registry credentials for pulling the image, or {@code null} for the agent's Docker login */
    public DeployOperation(DeploySpec spec, RegistryLogin login) {
        this.spec = spec;
        this.login = login;
    }

    @Override
    public EnvironmentOutcome run(ReleaseEngine engine, Path workspace) throws ReleaseException {
        if (login != null) {
            // The engine's DeployRequest has no credentials yet; writing them to a Docker config file would put a
            // secret on disk, which the design forbids. Say so instead of silently pulling without them.
            throw new InvalidInputException("registryCredentialsId", "the engine cannot take pull credentials for a deploy yet:"
                    + " leave registryCredentialsId out and log the agent's user in to the registry ('docker login')");
        }
        return EnvironmentOutcome.of(engine.deploy(spec.toRequest(workspace)));
    }
}
