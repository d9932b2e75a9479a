package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
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
    private final String publicKeyPem;

    /** @param login registry credentials for pulling the image, or {@code null} for the agent's Docker login */
    public DeployOperation(DeploySpec spec, RegistryLogin login) {
        this(spec, login, null);
    }

    /** @param publicKeyPem the public key of {@code verifyKeyCredentialsId}, read on the controller; {@code null}: the spec's */
    public DeployOperation(DeploySpec spec, RegistryLogin login, String publicKeyPem) {
        this.spec = spec;
        this.login = login;
        this.publicKeyPem = publicKeyPem;
    }

    @Override
    public EnvironmentOutcome run(ReleaseEngine engine, Path workspace) throws ReleaseException {
        EnvironmentOutcome outcome = EnvironmentOutcome.of(engine.deploy(spec.toRequest(workspace, login, publicKeyPem)));
        // The view says which colours run what, not where: the stored settings (just written by this deploy) say that.
        EnvironmentSettings settings;
        try {
            settings = engine.settings(spec.environment());
        } catch (ReleaseException e) {
            // The deploy is done and traffic may have moved: failing the step now would misreport it. The record goes without.
            return outcome;
        }
        return settings == null ? outcome : outcome.withPlatform(settings.platformName(), settings.replicaCount());
    }
}
