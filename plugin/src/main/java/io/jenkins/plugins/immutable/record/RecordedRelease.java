package io.jenkins.plugins.immutable.record;

import io.jenkins.plugins.immutable.agent.BuildOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A release a build made or reused, as kept in the build record. A plain class with final fields: XStream writes
 * and restores it (Jenkins cannot read records back), and nothing changes it once recorded.
 */
@ExportedBean(defaultVisibility = 3)
public final class RecordedRelease {

    private final String releaseId;
    private final String app;
    private final String ref;
    private final String repository;
    private final String digest;
    private final String inputDigest;
    private final boolean reused;
    /** {@code null} in records of unsigned releases and in records written before signing existed: both read as unsigned. */
    private final String keyId;
    private final String sourceUri;
    private final String sourceRevision;
    private final long createdMillis;
    private final String builderId;
    private final String invocationId;
    private final String startedOn;
    private final String finishedOn;
    private final String releaseFile;
    private final String provenanceFile;
    private final long recordedMillis;

    private RecordedRelease(BuildOutcome o, String artifactPrefix, long recordedMillis) {
        this.releaseId = o.releaseId();
        this.app = o.app();
        this.ref = o.ref();
        this.repository = o.repository();
        this.digest = o.digest();
        this.inputDigest = o.inputDigest();
        this.reused = o.reused();
        this.keyId = o.keyId();
        this.sourceUri = o.sourceUri();
        this.sourceRevision = o.sourceRevision();
        this.createdMillis = o.createdMillis();
        this.builderId = o.builderId();
        this.invocationId = o.invocationId();
        this.startedOn = o.startedOn();
        this.finishedOn = o.finishedOn();
        this.releaseFile = artifactPrefix + "release.json";
        this.provenanceFile = artifactPrefix + "provenance.intoto.json";
        this.recordedMillis = recordedMillis;
    }

    /**
     * @param artifactPrefix where in the build's artifacts its files go: {@code immutable/} or {@code immutable/<id>/}
     */
    public static RecordedRelease of(BuildOutcome outcome, String artifactPrefix, long recordedMillis) {
        return new RecordedRelease(outcome, artifactPrefix, recordedMillis);
    }

    @Exported(visibility = 3)
    public String getReleaseId() {
        return releaseId;
    }

    @Exported(visibility = 3)
    public String getApp() {
        return app;
    }

    /** The image by digest: {@code repository@sha256:…}. */
    @Exported(visibility = 3)
    public String getRef() {
        return ref;
    }

    @Exported(visibility = 3)
    public String getRepository() {
        return repository;
    }

    @Exported(visibility = 3)
    public String getDigest() {
        return digest;
    }

    @Exported(visibility = 3)
    public String getInputDigest() {
        return inputDigest;
    }

    /** {@code true} when the build reused an earlier release with the same inputs instead of building. */
    @Exported(visibility = 3)
    public boolean isReused() {
        return reused;
    }

    /** The id ({@code SHA256:…}) of the key that signed the provenance, or {@code null} when the release is unsigned. */
    @Exported(visibility = 3)
    public String getKeyId() {
        return keyId;
    }

    /** Whether the provenance is signed and stored in the registry beside the image. */
    @Exported(visibility = 3)
    public boolean isSigned() {
        return keyId != null;
    }

    /** {@code signed by SHA256:…} or {@code unsigned}, for the build page and the Releases page. */
    public String getSignatureLabel() {
        return keyId == null ? "unsigned" : "signed by " + keyId;
    }

    @Exported(visibility = 3)
    public String getSourceUri() {
        return sourceUri;
    }

    @Exported(visibility = 3)
    public String getSourceRevision() {
        return sourceRevision;
    }

    @Exported(visibility = 3)
    public long getCreatedMillis() {
        return createdMillis;
    }

    /** When the image was built, ISO-8601 in UTC. */
    @Exported(visibility = 3)
    public String getCreated() {
        return Instant.ofEpochMilli(createdMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The provenance's builder: the Jenkins build that made the image (for a reused release, an earlier one). */
    @Exported(visibility = 3)
    public String getBuilderId() {
        return builderId;
    }

    @Exported(visibility = 3)
    public String getInvocationId() {
        return invocationId;
    }

    @Exported(visibility = 3)
    public String getStartedOn() {
        return startedOn;
    }

    @Exported(visibility = 3)
    public String getFinishedOn() {
        return finishedOn;
    }

    /** The archived {@code release.json}, relative to the build's artifacts. */
    @Exported(visibility = 3)
    public String getReleaseFile() {
        return releaseFile;
    }

    /** The archived {@code provenance.intoto.json}, relative to the build's artifacts. */
    @Exported(visibility = 3)
    public String getProvenanceFile() {
        return provenanceFile;
    }

    @Exported(visibility = 3)
    public long getRecordedMillis() {
        return recordedMillis;
    }
}
