package io.jenkins.plugins.immutable.testing;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseListing;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine that records what the plugin asked and answers what the test set. It stands in for the engine only
 * where a test checks the plugin's translation of requests and results; the integration tests use the real one.
 */
public final class FakeEngine implements ReleaseEngine {

    public final List<Object> calls = new ArrayList<>();
    public Digest inputDigest;
    public BuildResult buildResult;
    public EnvironmentView view;
    public EnvironmentView status;
    public ReleaseException failure;

    @Override
    public Digest inputDigest(BuildRequest request) throws ReleaseException {
        return answer(request, inputDigest);
    }

    @Override
    public BuildResult build(BuildRequest request) throws ReleaseException {
        return answer(request, buildResult);
    }

    @Override
    public EnvironmentView deploy(DeployRequest request) throws ReleaseException {
        return answer(request, view);
    }

    @Override
    public EnvironmentView promote(String environment) throws ReleaseException {
        return answer("promote " + environment, view);
    }

    @Override
    public EnvironmentView abort(String environment) throws ReleaseException {
        return answer("abort " + environment, view);
    }

    @Override
    public EnvironmentView rollback(RollbackRequest request) throws ReleaseException {
        return answer(request, view);
    }

    @Override
    public EnvironmentView status(String environment) throws ReleaseException {
        calls.add("status " + environment);
        return status;
    }

    @Override
    public List<ReleaseListing> releases() {
        throw new AssertionError("the plugin does not list releases through the engine");
    }

    @Override
    public List<DeploymentRecord> history(String environment) {
        throw new AssertionError("the plugin does not read history through the engine");
    }

    @Override
    public VerifyResult verify(ImageRef ref, Path provenance) {
        throw new AssertionError("the plugin does not verify");
    }

    @Override
    public VerifyResult verifyAttestation(ImageRef ref, String publicKeyPem, String builderId) {
        throw new AssertionError("the plugin does not verify");
    }

    /** What {@code settings} answers: the environment's stored settings after the deploy; {@code null} when a test sets none. */
    public io.jenkins.plugins.immutable.engine.api.EnvironmentSettings settings;
    /** What {@code settings} throws instead, when set. */
    public ReleaseException settingsFailure;

    @Override
    public io.jenkins.plugins.immutable.engine.api.EnvironmentSettings settings(String environment) throws ReleaseException {
        if (settingsFailure != null) {
            throw settingsFailure;
        }
        return settings;
    }

    /** Settings of an environment on a Swarm with {@code replicas} per colour, as the engine stores them. */
    public static io.jenkins.plugins.immutable.engine.api.EnvironmentSettings swarmSettings(int replicas) {
        return new io.jenkins.plugins.immutable.engine.api.EnvironmentSettings("shop", "tcp://198.18.91.11:2375", 8080, "/", java.time.Duration.ofSeconds(60),
                Path.of("/run/haproxy.sock"), "app", false, java.time.Duration.ofHours(24), false, List.of(), false, null, null, null, null,
                null, "swarm", replicas);
    }

    /** What {@code drift} answers. */
    public DriftReport drift;

    @Override
    public DriftReport drift(String environment, boolean repair, RegistryCredentials credentials) throws ReleaseException {
        return answer("drift " + environment + (repair ? " repair" : ""), drift);
    }

    @Override
    public void close() {
    }

    private <T> T answer(Object call, T result) throws ReleaseException {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
