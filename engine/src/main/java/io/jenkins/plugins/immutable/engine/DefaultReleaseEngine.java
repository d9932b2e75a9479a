package io.jenkins.plugins.immutable.engine;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseListing;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import java.nio.file.Path;
import java.util.List;

/** Wires the stages together; holds no logic of its own. */
final class DefaultReleaseEngine implements ReleaseEngine {

    private final EngineConfig config;

    DefaultReleaseEngine(EngineConfig config) {
        this.config = config;
    }

    @Override
    public Digest inputDigest(BuildRequest request) throws ReleaseException {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public BuildResult build(BuildRequest request) throws ReleaseException {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public EnvironmentView deploy(DeployRequest request) throws ReleaseException {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public EnvironmentView promote(String environment) throws ReleaseException {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public EnvironmentView abort(String environment) throws ReleaseException {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public EnvironmentView rollback(RollbackRequest request) throws ReleaseException {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public EnvironmentView status(String environment) throws ReleaseException {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public List<ReleaseListing> releases() throws ReleaseException {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public List<DeploymentRecord> history(String environment) throws ReleaseException {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public VerifyResult verify(ImageRef ref, Path provenance) throws ReleaseException {
        throw new UnsupportedOperationException("not wired yet");
    }

    @Override
    public void close() {
    }
}
