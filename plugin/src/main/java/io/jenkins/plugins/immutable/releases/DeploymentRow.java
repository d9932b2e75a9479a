package io.jenkins.plugins.immutable.releases;

import io.jenkins.plugins.immutable.record.DeploymentOutcome;
import io.jenkins.plugins.immutable.record.RecordedDeployment;

/** One line of an environment's history on the Releases page. */
public final class DeploymentRow {

    private final int buildNumber;
    private final String buildUrl;
    private final RecordedDeployment deployment;
    private final String rollbackSnippet;
    private final boolean live;

    DeploymentRow(int buildNumber, String buildUrl, RecordedDeployment deployment, String rollbackSnippet, boolean live) {
        this.buildNumber = buildNumber;
        this.buildUrl = buildUrl;
        this.deployment = deployment;
        this.rollbackSnippet = rollbackSnippet;
        this.live = live;
    }

    public int getBuildNumber() {
        return buildNumber;
    }

    public String getBuildUrl() {
        return buildUrl;
    }

    public String getTime() {
        return deployment.getTime();
    }

    long getTimeMillis() {
        return deployment.getTimeMillis();
    }

    public String getEnvironment() {
        return deployment.getEnvironment();
    }

    public String getOperation() {
        return deployment.getOperation();
    }

    public DeploymentOutcome getOutcome() {
        return deployment.getOutcome();
    }

    public String getOutcomeLabel() {
        return deployment.getOutcomeLabel();
    }

    public String getColour() {
        return deployment.getColour();
    }

    public String getReleaseId() {
        return deployment.getReleaseId();
    }

    public String getRef() {
        return deployment.getRef();
    }

    /** The key id the signature gate verified the release with, or {@code null}. */
    public String getSignatureVerifiedBy() {
        return deployment.getSignatureVerifiedBy();
    }

    public Long getSwitchMillis() {
        return deployment.getSwitchMillis();
    }

    /** The call that returns the environment to this row's release; {@code null} where that makes no sense. */
    public String getRollbackSnippet() {
        return rollbackSnippet;
    }

    /** Whether this row's release is what the environment serves now. */
    public boolean isLive() {
        return live;
    }
}
