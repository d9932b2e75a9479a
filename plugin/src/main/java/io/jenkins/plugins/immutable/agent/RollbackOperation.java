package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import java.nio.file.Path;

/**
 * Puts an earlier release back, or, with no target while a preview waits for promotion, discards the preview. The
 * environment is read first in that case, so the build record can say which release was discarded.
 */
public final class RollbackOperation implements EngineOperation<EnvironmentOutcome> {

    private static final long serialVersionUID = 1L;

    private final String environment;
    private final String toReleaseId;
    private final String toDigest;
    private final RegistryLogin login;

    /** @param login registry credentials for pulling when the rollback redeploys, or {@code null} for the agent's logins */
    public RollbackOperation(String environment, String toReleaseId, String toDigest, RegistryLogin login) {
        this.environment = environment;
        this.toReleaseId = toReleaseId;
        this.toDigest = toDigest;
        this.login = login;
    }

    @Override
    public EnvironmentOutcome run(ReleaseEngine engine, Path workspace) throws ReleaseException {
        RollbackRequest request = RollbackRequest.of(environment, toReleaseId, toDigest)
                .withCredentials(login == null ? null : login.toCredentials());
        ColourOutcome preview = null;
        if (request.toReleaseId() == null && request.toDigest() == null) {
            preview = ColourOutcome.of(engine.status(request.environment()).preview());
        }
        EnvironmentView after = engine.rollback(request);
        boolean discarded = preview != null && (after.preview() == null || !preview.colour().equals(after.preview().colour().label()));
        return EnvironmentOutcome.of(after, discarded ? preview : null);
    }
}
