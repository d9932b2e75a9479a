package io.jenkins.plugins.immutable.engine.build;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.Notice;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.StageStarted;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.inputs.BuildContext;
import io.jenkins.plugins.immutable.engine.inputs.InputDigest;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import io.jenkins.plugins.immutable.engine.provenance.ProvenanceStatement;
import io.jenkins.plugins.immutable.engine.provenance.ProvenanceStatement.Facts;
import io.jenkins.plugins.immutable.engine.provenance.SecretArgs;
import io.jenkins.plugins.immutable.engine.registry.DockerConfigAuth;
import io.jenkins.plugins.immutable.engine.registry.RegistryClient;
import io.jenkins.plugins.immutable.engine.signing.AttestationStore;
import io.jenkins.plugins.immutable.engine.signing.ReleaseSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The build flow: input digest → reuse a recorded release of the same inputs while the registry serves it → else
 * build, push, confirm the digest, write provenance and record the release.
 */
public final class BuildStage {

    private final Ledger ledger;
    private final Supplier<DockerGateway> docker;
    private final RegistryClient registry;
    private final DockerConfigAuth auth;
    private final EventHandler events;
    private final Clock clock;

    /** @param docker opened only when a build is needed: a reuse never touches the daemon */
    public BuildStage(Ledger ledger, Supplier<DockerGateway> docker, RegistryClient registry, DockerConfigAuth auth,
            EventHandler events, Clock clock) {
        this.ledger = ledger;
        this.docker = docker;
        this.registry = registry;
        this.auth = auth;
        this.events = events;
        this.clock = clock;
    }

    public Digest inputDigest(BuildRequest request) throws ReleaseException {
        SecretScrubber scrubber = SecretScrubber.of(request);
        try {
            return scrubbed(scrubber).digest(request, BuildContext.scan(request.context(), request.dockerfile()));
        } catch (ReleaseException e) {
            throw scrubber.scrub(e);
        }
    }

    /**
     * Builds or reuses. Every event and failure of this build passes through a {@link SecretScrubber}, so no URI's
     * user info and no known secret value reaches a handler or a message, whatever the daemon echoes.
     */
    public BuildResult build(BuildRequest request) throws ReleaseException {
        SecretScrubber scrubber = SecretScrubber.of(request);
        BuildStage stage = scrubbed(scrubber);
        if (request.sourceUriHadUserInfo()) {
            stage.events.on(new Notice("The source URI carried user info (a user name, password or token); it is recorded "
                    + "without it, as " + request.sourceUri()));
        }
        try {
            return stage.run(request);
        } catch (ReleaseException e) {
            throw scrubber.scrub(e);
        }
    }

    private BuildStage scrubbed(SecretScrubber scrubber) {
        return new BuildStage(ledger, docker, registry, auth, scrubber.events(events), clock);
    }

    private BuildResult run(BuildRequest request) throws ReleaseException {
        Instant startedOn = clock.instant();
        ledger.openInBackground(); // while the context is scanned and digested: the reuse lookup comes next
        BuildContext context = BuildContext.scan(request.context(), request.dockerfile());
        Digest inputDigest = digest(request, context);
        RegistryCredentials credentials = auth.resolve(request.image().registry(), request.credentials());
        ReleaseSigner.Key key = request.signingKey() == null ? null : ReleaseSigner.Key.load(request.signingKey());

        if (request.rebuild()) {
            events.on(new Notice("Rebuild requested: not looking for a release of the same inputs."));
        } else {
            Optional<ReuseFinder.Found> found = new ReuseFinder(ledger, registry, events).find(request, inputDigest, credentials);
            if (found.isPresent()) {
                return reuse(request, found.get(), key, credentials);
            }
        }

        ImageBuilder builder = new ImageBuilder(docker.get(), registry, events);
        ImageRef ref = builder.buildAndPush(request, context, inputDigest, credentials);
        String dockerfile = new String(readDockerfile(request.dockerfile()), StandardCharsets.UTF_8);
        Instant finishedOn = clock.instant();
        String provenance = ProvenanceStatement.render(new Facts(ref, inputDigest, request.contextAsGiven(),
                request.dockerfileAsGiven(), SecretArgs.redact(request.buildArgs()), SecretArgs.sha256Hex(request.secretBuildArgs()), request.target(),
                request.sourceUri(), request.sourceRevision(), builder.baseImages(dockerfile, request.buildArgs()),
                request.builderId(), request.invocationId(), startedOn, finishedOn));
        Release release = new Release(Release.idFor(ref.digest()), request.image().simpleName(), ref, inputDigest,
                request.sourceUri(), request.sourceRevision(), finishedOn, request.builderId());
        ledger.writeProvenance(release.id(), provenance);
        ledger.recordRelease(release).ifPresent(note -> events.on(new Notice(note)));
        events.on(new Notice("Built release " + release.id() + ": " + ref));
        return result(request, release, false, provenance, key == null ? null : sign(key, ref, provenance, credentials));
    }

    private ReleaseSigner.Signed sign(ReleaseSigner.Key key, ImageRef ref, String provenance, RegistryCredentials credentials)
            throws ReleaseException {
        events.on(new StageStarted("sign", "provenance of " + ref.digest() + " with " + key.id()));
        ReleaseSigner.Signed signed = new ReleaseSigner(new AttestationStore(registry)).sign(key, ref, provenance, credentials);
        events.on(new Notice("Signed the provenance with " + signed.keyId() + " and stored it in " + ref.registry() + " as "
                + ref.path() + ":" + signed.tag() + (signed.referrer() ? " and as a referrer of the image" : " (the registry does not"
                + " answer the OCI 1.1 referrers API, so the tag alone holds it)")));
        return signed;
    }

    private BuildResult reuse(BuildRequest request, ReuseFinder.Found found, ReleaseSigner.Key key, RegistryCredentials credentials)
            throws ReleaseException {
        Release release = found.release();
        // A statement recorded elsewhere (or before user info was stripped) is passed on without any.
        String provenance = io.jenkins.plugins.immutable.engine.api.Uris.scrubText(found.provenanceJson());
        if (ledger.release(release.id()).isEmpty()) {
            // Known only to the caller (an earlier Jenkins build): remember it here too.
            ledger.writeProvenance(release.id(), provenance);
            ledger.recordRelease(release).ifPresent(note -> events.on(new Notice(note)));
        }
        events.on(new Notice("Reused release " + release.id() + " (" + release.ref() + "), built by " + release.builderId()
                + " at " + release.created() + ": same input digest, and the registry still serves it. Nothing was built."));
        // A reused release keeps the signed provenance it has; one without gets it when a key is given.
        Optional<ReleaseSigner.Signed> existing = new ReleaseSigner(new AttestationStore(registry)).existing(release.ref(), credentials);
        ReleaseSigner.Signed signed = existing.orElse(null);
        if (existing.isPresent()) {
            events.on(new Notice("Kept the original signed provenance of " + release.id() + " (" + signed.keyId() + ") in the"
                    + " registry" + (key != null && !key.id().equals(signed.keyId()) ? "; it was not signed again with " + key.id() : "")
                    + "."));
        } else if (key != null) {
            signed = sign(key, release.ref(), provenance, credentials);
        }
        return result(request, release, true, provenance, signed);
    }

    private BuildResult result(BuildRequest request, Release release, boolean reused, String provenance, ReleaseSigner.Signed signed)
            throws ReleaseException {
        Path out = request.outputDir() != null ? request.outputDir() : ledger.stateDir().resolve("releases").resolve(release.id());
        Path[] files = ReleaseFiles.write(out, release, reused, provenance);
        if (signed == null) {
            return new BuildResult(release, reused, files[0], files[1], provenance);
        }
        Path envelope = ReleaseFiles.writeAttestation(out, signed.envelopeJson());
        return new BuildResult(release, reused, files[0], files[1], provenance, envelope, signed.keyId());
    }

    private Digest digest(BuildRequest request, BuildContext context) throws ReleaseException {
        events.on(new StageStarted("inputs", "digesting " + context.entries().size() + " entries of " + request.context()));
        Digest digest = InputDigest.compute(context, readDockerfile(request.dockerfile()),
                new TreeMap<>(request.buildArgs()), request.target(), new TreeMap<>(request.secretBuildArgs()));
        events.on(new Notice("Input digest " + digest));
        return digest;
    }

    private static byte[] readDockerfile(Path dockerfile) throws ReleaseException {
        try {
            return Files.readAllBytes(dockerfile);
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to read the Dockerfile " + dockerfile + " but failed ("
                    + e.getMessage() + "). Check that it is readable.", e);
        }
    }
}
