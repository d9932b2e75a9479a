package io.jenkins.plugins.immutable.releases;

import io.jenkins.plugins.immutable.record.RecordedRelease;
import java.util.List;

/** One release a build recorded, on the Releases page. */
public final class ReleaseRow {

    private final int buildNumber;
    private final String buildUrl;
    private final RecordedRelease release;
    private final List<String> liveIn;
    private final String rollbackTarget;

    ReleaseRow(int buildNumber, String buildUrl, RecordedRelease release, List<String> liveIn, String rollbackTarget) {
        this.buildNumber = buildNumber;
        this.buildUrl = buildUrl;
        this.release = release;
        this.liveIn = List.copyOf(liveIn);
        this.rollbackTarget = rollbackTarget;
    }

    public int getBuildNumber() {
        return buildNumber;
    }

    public String getBuildUrl() {
        return buildUrl;
    }

    public RecordedRelease getRelease() {
        return release;
    }

    /** The environments this release is live in now, by name. */
    public List<String> getLiveIn() {
        return liveIn;
    }

    /** The argument that names this release in {@code immutableRollback}: {@code toBuild: 41} or {@code toRelease: '…'}. */
    public String getRollbackTarget() {
        return rollbackTarget;
    }
}
