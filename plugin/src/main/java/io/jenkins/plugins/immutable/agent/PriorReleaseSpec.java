package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.io.Serializable;
import java.time.Instant;

/**
 * A release an earlier build of the job recorded, with its archived provenance statement, offered to the engine
 * for reuse. Plain values only, so it can travel to the agent; {@link #toRelease()} rebuilds the engine's view there.
 */
public final class PriorReleaseSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String releaseId;
    private final String app;
    private final String ref;
    private final String inputDigest;
    private final String sourceUri;
    private final String sourceRevision;
    private final long createdMillis;
    private final String builderId;
    private final String provenanceJson;

    public PriorReleaseSpec(String releaseId, String app, String ref, String inputDigest, String sourceUri,
            String sourceRevision, long createdMillis, String builderId, String provenanceJson) {
        this.releaseId = releaseId;
        this.app = app;
        this.ref = ref;
        this.inputDigest = inputDigest;
        this.sourceUri = sourceUri;
        this.sourceRevision = sourceRevision;
        this.createdMillis = createdMillis;
        this.builderId = builderId;
        this.provenanceJson = provenanceJson;
    }

    public String releaseId() {
        return releaseId;
    }

    public String provenanceJson() {
        return provenanceJson;
    }

    /** The engine's release; a record that no longer parses is not offered (the caller skips it). */
    Release toRelease() {
        return new Release(releaseId, app, ImageRef.parse(ref), inputDigest == null ? null : Digest.parse(inputDigest),
                sourceUri, sourceRevision, Instant.ofEpochMilli(createdMillis), builderId);
    }
}
