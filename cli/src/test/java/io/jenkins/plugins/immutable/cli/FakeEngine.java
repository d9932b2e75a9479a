package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ColourView;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseListing;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the engine in the unit tests of parsing and output only: it records what the command asked and
 * answers with fixed values. Everything against the real daemon, registry and HAProxy is in the {@code *IT} tests.
 */
final class FakeEngine implements ReleaseEngine {

    static final Digest DIGEST_1 = Digest.parse("sha256:" + "1a".repeat(32));
    static final Digest DIGEST_2 = Digest.parse("sha256:" + "2b".repeat(32));
    static final Digest INPUT_1 = Digest.parse("sha256:" + "9f".repeat(32));
    static final ImageRef REF_1 = ImageRef.parse("127.0.0.1:5000/team/hello@" + DIGEST_1.value());
    static final ImageRef REF_2 = ImageRef.parse("127.0.0.1:5000/team/hello@" + DIGEST_2.value());
    static final Instant T1 = Instant.parse("2026-11-23T04:30:12Z");
    static final Instant T2 = Instant.parse("2026-11-23T04:35:40Z");
    static final Release RELEASE_1 = new Release(Release.idFor(DIGEST_1), "hello", REF_1, INPUT_1, "https://example.org/hello.git",
            "0123456789abcdef0123456789abcdef01234567", T1, "cli@test");
    static final Release RELEASE_2 = new Release(Release.idFor(DIGEST_2), "hello", REF_2, null, null, null, T2, "cli@test");

    EngineConfig config;
    final List<Object> calls = new ArrayList<>();
    ReleaseException failure;
    List<EngineEvent> events = List.of();
    boolean closed;
    EnvironmentView view = switched("staging");
    VerifyResult verifyResult;

    FakeEngine open(EngineConfig config) {
        this.config = config;
        return this;
    }

    static EnvironmentView switched(String env) {
        ColourView green = new ColourView(Colour.GREEN, DeploymentState.ACTIVE, RELEASE_2.id(), REF_2, "hello-" + env + "-green", 0, T2);
        ColourView blue = new ColourView(Colour.BLUE, DeploymentState.WARM, RELEASE_1.id(), REF_1, "hello-" + env + "-blue", 0, T2);
        return new EnvironmentView(env, green, blue, null, 7L, "green", List.of());
    }

    private <T> T answer(Object call, T result) throws ReleaseException {
        calls.add(call);
        events.forEach(e -> config.handlers().forEach(h -> h.on(e)));
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    @Override
    public Digest inputDigest(BuildRequest request) throws ReleaseException {
        return answer(request, INPUT_1);
    }

    @Override
    public BuildResult build(BuildRequest request) throws ReleaseException {
        return answer(request, new BuildResult(RELEASE_1, false, Path.of("/state/releases/rel/release.json"),
                Path.of("/state/releases/rel/provenance.intoto.json"), "{}"));
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
        return answer("status " + environment, view);
    }

    @Override
    public List<ReleaseListing> releases() throws ReleaseException {
        // oldest first on purpose: the command promises newest first whatever order it is given
        return answer("releases", List.of(
                new ReleaseListing(RELEASE_1, List.of(new ReleaseListing.Placement("staging", Colour.BLUE, DeploymentState.WARM))),
                new ReleaseListing(RELEASE_2, List.of(new ReleaseListing.Placement("staging", Colour.GREEN, DeploymentState.ACTIVE)))));
    }

    @Override
    public List<DeploymentRecord> history(String environment) throws ReleaseException {
        return answer("history " + environment, List.of(
                new DeploymentRecord(T1, environment, Colour.BLUE, RELEASE_1.id(), REF_1, DeploymentState.ACTIVE, "first deploy"),
                new DeploymentRecord(T2, environment, Colour.GREEN, RELEASE_2.id(), REF_2, DeploymentState.ACTIVE, "switched in 7 ms")));
    }

    @Override
    public VerifyResult verify(ImageRef ref, Path provenance) throws ReleaseException {
        VerifyResult result = verifyResult != null ? verifyResult : new VerifyResult(ref, provenance, List.of(
                new VerifyResult.Check("statement parses", true, "in-toto Statement v1"),
                new VerifyResult.Check("subject digest", true, ref.digest().value())));
        return answer("verify " + ref + " " + provenance, result);
    }

    @Override
    public VerifyResult verifyAttestation(ImageRef ref, String publicKeyPem, String builderId) throws ReleaseException {
        VerifyResult result = verifyResult != null ? verifyResult : new VerifyResult(ref, null, List.of(
                new VerifyResult.Check("signature", true, "ECDSA P-256 signature")));
        return answer("verifyAttestation " + ref + " " + builderId, result);
    }

    /** What {@code drift} answers. */
    public DriftReport drift;

    @Override
    public DriftReport drift(String environment, boolean repair, RegistryCredentials credentials) throws ReleaseException {
        return answer("drift " + environment + (repair ? " --repair" : ""), drift);
    }

    @Override
    public void close() {
        closed = true;
    }
}
