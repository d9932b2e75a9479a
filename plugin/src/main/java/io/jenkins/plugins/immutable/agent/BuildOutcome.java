package io.jenkins.plugins.immutable.agent;

import java.io.Serializable;

/**
 * What {@code immutableBuild} produced, as plain values that travel back to the controller: the release, whether it
 * was reused, its provenance summary, and where on the agent the engine wrote {@code release.json} and
 * {@code provenance.intoto.json}.
 */
public final class BuildOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private String releaseId;
    private String app;
    private String ref;
    private String repository;
    private String digest;
    private String inputDigest;
    private boolean reused;
    private String keyId;
    private String sourceUri;
    private String sourceRevision;
    private long createdMillis;
    private String builderId;
    private String invocationId;
    private String startedOn;
    private String finishedOn;
    private String outputDir;
    private String releaseFileName;
    private String provenanceFileName;

    private BuildOutcome() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public String releaseId() {
        return releaseId;
    }

    public String app() {
        return app;
    }

    public String ref() {
        return ref;
    }

    public String repository() {
        return repository;
    }

    public String digest() {
        return digest;
    }

    public String inputDigest() {
        return inputDigest;
    }

    public boolean reused() {
        return reused;
    }

    /** The signing key's id ({@code SHA256:…}) when the provenance is signed and stored in the registry, else {@code null}. */
    public String keyId() {
        return keyId;
    }

    public String sourceUri() {
        return sourceUri;
    }

    public String sourceRevision() {
        return sourceRevision;
    }

    public long createdMillis() {
        return createdMillis;
    }

    /** The provenance's {@code builder.id}: for a reused release, the build that made it. */
    public String builderId() {
        return builderId;
    }

    public String invocationId() {
        return invocationId;
    }

    public String startedOn() {
        return startedOn;
    }

    public String finishedOn() {
        return finishedOn;
    }

    /** The agent folder holding the two files. */
    public String outputDir() {
        return outputDir;
    }

    public String releaseFileName() {
        return releaseFileName;
    }

    public String provenanceFileName() {
        return provenanceFileName;
    }

    /** Fills an outcome in groups of related values; each outcome is built once and never changed. */
    public static final class Builder {
        private final BuildOutcome o = new BuildOutcome();

        private Builder() {
        }

        public Builder release(String releaseId, String app, String ref, String repository, String digest, String inputDigest) {
            o.releaseId = releaseId;
            o.app = app;
            o.ref = ref;
            o.repository = repository;
            o.digest = digest;
            o.inputDigest = inputDigest;
            return this;
        }

        public Builder reused(boolean reused) {
            o.reused = reused;
            return this;
        }

        public Builder signedBy(String keyId) {
            o.keyId = keyId;
            return this;
        }

        public Builder source(String uri, String revision) {
            o.sourceUri = uri;
            o.sourceRevision = revision;
            return this;
        }

        public Builder created(long createdMillis, String builderId) {
            o.createdMillis = createdMillis;
            o.builderId = builderId;
            return this;
        }

        public Builder run(String invocationId, String startedOn, String finishedOn) {
            o.invocationId = invocationId;
            o.startedOn = startedOn;
            o.finishedOn = finishedOn;
            return this;
        }

        public Builder files(String outputDir, String releaseFileName, String provenanceFileName) {
            o.outputDir = outputDir;
            o.releaseFileName = releaseFileName;
            o.provenanceFileName = provenanceFileName;
            return this;
        }

        public BuildOutcome build() {
            return o;
        }
    }
}
