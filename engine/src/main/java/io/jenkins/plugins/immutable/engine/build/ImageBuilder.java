package io.jenkins.plugins.immutable.engine.build;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.LogLine;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.StageStarted;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.Warning;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.ImageName;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.docker.BuildSpec;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.inputs.BuildContext;
import io.jenkins.plugins.immutable.engine.inputs.ContextTar;
import io.jenkins.plugins.immutable.engine.provenance.BaseImages;
import io.jenkins.plugins.immutable.engine.provenance.ProvenanceStatement.ResolvedBase;
import io.jenkins.plugins.immutable.engine.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the image from exactly the context that was digested, pushes it, and confirms that the registry serves the
 * digest the push reported.
 */
final class ImageBuilder {

    static final String INPUT_DIGEST_LABEL = "io.jenkins.plugins.immutable-release.input-digest";

    private final DockerGateway docker;
    private final RegistryClient registry;
    private final EventHandler events;

    ImageBuilder(DockerGateway docker, RegistryClient registry, EventHandler events) {
        this.docker = docker;
        this.registry = registry;
        this.events = events;
    }

    /** Builds and pushes; returns the image by the digest the registry serves. */
    ImageRef buildAndPush(BuildRequest request, BuildContext context, Digest inputDigest, RegistryCredentials credentials)
            throws ReleaseException {
        ImageName tagged = new ImageName(request.image().repository(),
                request.image().tag() != null ? request.image().tag() : "in-" + inputDigest.shortHex(12));
        events.on(new StageStarted("build", tagged + " on " + docker.host()));
        Map<String, String> daemonArgs = new TreeMap<>(request.buildArgs());
        daemonArgs.putAll(request.secretBuildArgs());
        String dockerfileInTar = ContextTar.dockerfileName(context);
        docker.build(new BuildSpec(out -> ContextTar.write(context, request.dockerfile(), out), dockerfileInTar, daemonArgs,
                labels(request, inputDigest), request.target(), tagged.toString(), request.rebuild()),
                line -> events.on(new LogLine(line)));
        events.on(new StageStarted("push", tagged + " to " + tagged.registry()));
        Digest pushed = docker.push(tagged, credentials, line -> events.on(new LogLine(line)));
        ImageRef ref = ImageRef.of(tagged, pushed);
        if (!registry.serves(ref, credentials)) {
            throw new ReleaseException(Kind.FAILED_SAFELY, "Pushed " + tagged + " and the daemon reported " + pushed
                    + ", but the registry " + tagged.registry() + " does not serve that digest. Push again, or check the registry.");
        }
        events.on(new StageStarted("push", "the registry serves " + ref));
        return ref;
    }

    /** The digest of every base image that is not {@code scratch}, as the daemon resolved it. */
    List<ResolvedBase> baseImages(String dockerfile, Map<String, String> buildArgs) throws ReleaseException {
        List<ResolvedBase> resolved = new ArrayList<>();
        for (String image : BaseImages.of(dockerfile, buildArgs)) {
            int at = image.indexOf("@sha256:");
            if (at > 0) {
                resolved.add(new ResolvedBase(image, Digest.parse(image.substring(at + 1))));
                continue;
            }
            List<String> repoDigests = docker.repoDigests(image);
            if (repoDigests.isEmpty()) {
                events.on(new Warning("base image " + image + " has no registry digest on " + docker.host()
                        + "; the provenance names it without one"));
                resolved.add(new ResolvedBase(image, null));
            } else {
                String first = repoDigests.get(0);
                resolved.add(new ResolvedBase(image, Digest.parse(first.substring(first.indexOf('@') + 1))));
            }
        }
        return resolved;
    }

    private static Map<String, String> labels(BuildRequest request, Digest inputDigest) {
        Map<String, String> labels = new TreeMap<>(request.labels());
        labels.put(INPUT_DIGEST_LABEL, inputDigest.value());
        if (request.sourceUri() != null) {
            labels.putIfAbsent("org.opencontainers.image.source", request.sourceUri());
        }
        if (request.sourceRevision() != null) {
            labels.putIfAbsent("org.opencontainers.image.revision", request.sourceRevision());
        }
        return labels;
    }
}
