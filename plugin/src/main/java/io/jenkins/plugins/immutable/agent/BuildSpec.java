package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code immutableBuild} asks for, as plain values that travel to the agent. {@link #toRequest} is the one
 * translation into the engine's {@link BuildRequest}; the engine validates it and names each bad field.
 */
public final class BuildSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String image;
    private final String context;
    private final String dockerfile;
    private final TreeMap<String, String> buildArgs;
    private final String target;
    private final boolean rebuild;
    private final String sourceUri;
    private final String sourceRevision;
    private final String builderId;
    private final String invocationId;
    private final String outputKey;

    private BuildSpec(Builder b) {
        this.image = b.image;
        this.context = b.context;
        this.dockerfile = b.dockerfile;
        this.buildArgs = new TreeMap<>(b.buildArgs);
        this.target = b.target;
        this.rebuild = b.rebuild;
        this.sourceUri = b.sourceUri;
        this.sourceRevision = b.sourceRevision;
        this.builderId = b.builderId;
        this.invocationId = b.invocationId;
        this.outputKey = b.outputKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String image() {
        return image;
    }

    public boolean rebuild() {
        return rebuild;
    }

    public Map<String, String> buildArgs() {
        return Collections.unmodifiableMap(buildArgs);
    }

    public String sourceUri() {
        return sourceUri;
    }

    public String sourceRevision() {
        return sourceRevision;
    }

    public String builderId() {
        return builderId;
    }

    public String invocationId() {
        return invocationId;
    }

    /**
     * Where the engine writes {@code release.json} and {@code provenance.intoto.json}: beside the workspace in its
     * {@code @tmp} folder, as Jenkins keeps a step's scratch files, and never inside it — files in the default
     * build context ({@code '.'}) would change the next build's input digest.
     */
    public Path outputDir(Path workspace) {
        return scratchDir(workspace).resolve(outputKey);
    }

    /** {@code <workspace>@tmp/immutable-release}: the output folders, and the signing key while the engine signs. */
    static Path scratchDir(Path workspace) {
        Path ws = workspace.toAbsolutePath().normalize();
        return ws.resolveSibling(ws.getFileName() + "@tmp").resolve("immutable-release");
    }

    /** The engine request; relative {@code context} is read against the workspace, {@code dockerfile} against the context. */
    public BuildRequest toRequest(Path workspace, RegistryLogin login, List<PriorReleaseSpec> priors) throws InvalidInputException {
        return toRequest(workspace, login, priors, SecretBuildArgValues.NONE);
    }

    /** As above, with the secret build arguments' values, which travel beside this spec and never in it. */
    public BuildRequest toRequest(Path workspace, RegistryLogin login, List<PriorReleaseSpec> priors, SecretBuildArgValues secrets)
            throws InvalidInputException {
        return toRequest(workspace, login, priors, secrets, null);
    }

    /** As above, signing the provenance with the private key in {@code signingKey} ({@code null}: unsigned). */
    public BuildRequest toRequest(Path workspace, RegistryLogin login, List<PriorReleaseSpec> priors, SecretBuildArgValues secrets,
            Path signingKey) throws InvalidInputException {
        BuildRequest.Builder request = BuildRequest.builder()
                .image(image)
                .context(context)
                .baseDirectory(workspace)
                .dockerfile(dockerfile)
                .buildArgs(buildArgs)
                .secretBuildArgs(secrets.values())
                .target(target)
                .source(sourceUri, sourceRevision)
                .rebuild(rebuild)
                .outputDir(outputDir(workspace))
                .builderId(builderId)
                .invocationId(invocationId)
                .credentials(login == null ? null : login.toCredentials())
                .signingKey(signingKey);
        for (PriorReleaseSpec prior : priors) {
            try {
                request.priorRelease(prior.toRelease(), prior.provenanceJson());
            } catch (IllegalArgumentException unreadable) {
                // A record that no longer parses cannot be reused; the engine simply builds.
            }
        }
        return request.build();
    }

    /** Collects the step's values; everything is checked by the engine in {@link #toRequest}. */
    public static final class Builder {
        private String image;
        private String context;
        private String dockerfile;
        private final Map<String, String> buildArgs = new TreeMap<>();
        private String target;
        private boolean rebuild;
        private String sourceUri;
        private String sourceRevision;
        private String builderId;
        private String invocationId;
        private String outputKey = "build";

        private Builder() {
        }

        public Builder image(String image) {
            this.image = image;
            return this;
        }

        public Builder context(String context) {
            this.context = context;
            return this;
        }

        public Builder dockerfile(String dockerfile) {
            this.dockerfile = dockerfile;
            return this;
        }

        public Builder buildArgs(Map<String, String> args) {
            this.buildArgs.putAll(args);
            return this;
        }

        public Builder target(String target) {
            this.target = target;
            return this;
        }

        public Builder rebuild(boolean rebuild) {
            this.rebuild = rebuild;
            return this;
        }

        public Builder source(String uri, String revision) {
            this.sourceUri = uri;
            this.sourceRevision = revision;
            return this;
        }

        /** The Jenkins build URL (the provenance's {@code builder.id}) and the run's externalizable id. */
        public Builder invocation(String builderId, String invocationId) {
            this.builderId = builderId;
            this.invocationId = invocationId;
            return this;
        }

        /** A name for this step's output folder, unique within the build. */
        public Builder outputKey(String key) {
            this.outputKey = key;
            return this;
        }

        public BuildSpec build() {
            return new BuildSpec(this);
        }
    }
}
