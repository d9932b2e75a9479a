package io.jenkins.plugins.immutable.record;

import io.jenkins.plugins.immutable.agent.CanaryStepOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One change a build made to an environment: which release went to which colour, when, by which operation, and
 * with what outcome. A plain class with final fields, written and restored by XStream.
 */
@ExportedBean(defaultVisibility = 3)
public final class RecordedDeployment {

    private final String environment;
    private final String operation;
    private final String colour;
    private final String ref;
    private final String releaseId;
    private final long timeMillis;
    private final DeploymentOutcome outcome;
    private final Long switchMillis;
    /** The key id the signature gate verified the release with; {@code null} when it was not asked (and in older records). */
    private final String signatureVerifiedBy;
    /** The rows of the canary this deployment ran; {@code null} when it ran none (and in older records). */
    private final ArrayList<RecordedCanaryStep> canarySteps;
    /** {@code docker} or {@code swarm}: where the deploy ran its colours; {@code null} when not known (and in older records). */
    private final String platform;
    /** Replicas per colour the deploy ran; {@code null} when not known (and in older records). */
    private final Integer replicas;

    /**
     * @param operation    {@code deploy}, {@code promote} or {@code rollback}
     * @param colour       {@code blue} or {@code green}; {@code null} when the deploy failed before a colour ran it
     * @param switchMillis how long the router switch took when traffic moved, else {@code null}
     */
    public RecordedDeployment(String environment, String operation, String colour, String ref, String releaseId, long timeMillis,
            DeploymentOutcome outcome, Long switchMillis) {
        this.environment = environment;
        this.operation = operation;
        this.colour = colour;
        this.ref = ref;
        this.releaseId = releaseId;
        this.timeMillis = timeMillis;
        this.outcome = outcome;
        this.switchMillis = switchMillis;
        this.signatureVerifiedBy = null;
        this.canarySteps = null;
        this.platform = null;
        this.replicas = null;
    }

    private RecordedDeployment(RecordedDeployment d, String signatureVerifiedBy, ArrayList<RecordedCanaryStep> canarySteps) {
        this(d, signatureVerifiedBy, canarySteps, d.platform, d.replicas);
    }

    private RecordedDeployment(RecordedDeployment d, String signatureVerifiedBy, ArrayList<RecordedCanaryStep> canarySteps, String platform,
            Integer replicas) {
        this.environment = d.environment;
        this.operation = d.operation;
        this.colour = d.colour;
        this.ref = d.ref;
        this.releaseId = d.releaseId;
        this.timeMillis = d.timeMillis;
        this.outcome = d.outcome;
        this.switchMillis = d.switchMillis;
        this.signatureVerifiedBy = signatureVerifiedBy;
        this.canarySteps = canarySteps;
        this.platform = platform;
        this.replicas = replicas;
    }

    /** This deployment, recording where its colours ran ({@code docker} or {@code swarm}) and with how many replicas each. */
    public RecordedDeployment onPlatform(String platformName, Integer replicaCount) {
        return new RecordedDeployment(this, signatureVerifiedBy, canarySteps, platformName, replicaCount);
    }

    /** This deployment, recording that the environment's signature gate verified the release with the key {@code keyId}. */
    public RecordedDeployment verifiedBy(String keyId) {
        return new RecordedDeployment(this, keyId, canarySteps);
    }

    /** This deployment with the rows of the canary it ran (none: as it was). */
    public RecordedDeployment withCanarySteps(List<CanaryStepOutcome> rows) {
        if (rows.isEmpty()) {
            return this;
        }
        ArrayList<RecordedCanaryStep> recorded = new ArrayList<>();
        rows.forEach(row -> recorded.add(RecordedCanaryStep.of(row)));
        return new RecordedDeployment(this, signatureVerifiedBy, recorded);
    }

    @Exported(visibility = 3)
    public String getEnvironment() {
        return environment;
    }

    @Exported(visibility = 3)
    public String getOperation() {
        return operation;
    }

    @Exported(visibility = 3)
    public String getColour() {
        return colour;
    }

    @Exported(visibility = 3)
    public String getRef() {
        return ref;
    }

    @Exported(visibility = 3)
    public String getReleaseId() {
        return releaseId;
    }

    @Exported(visibility = 3)
    public long getTimeMillis() {
        return timeMillis;
    }

    /** When, ISO-8601 in UTC. */
    @Exported(visibility = 3)
    public String getTime() {
        return Instant.ofEpochMilli(timeMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Exported(visibility = 3)
    public DeploymentOutcome getOutcome() {
        return outcome;
    }

    public String getOutcomeLabel() {
        if (outcome == DeploymentOutcome.ABORTED && canarySteps != null && !canarySteps.isEmpty()) {
            // Traffic did move: the canary had its share until the abort, which returned it all to the stable colour.
            RecordedCanaryStep last = canarySteps.get(canarySteps.size() - 1);
            return "canary aborted at step " + last.getStep() + " (" + last.getShare() + "%), all traffic back on the stable colour";
        }
        return outcome == null ? "" : outcome.label();
    }

    @Exported(visibility = 3)
    public Long getSwitchMillis() {
        return switchMillis;
    }

    /** The id ({@code SHA256:…}) of the key the signature gate verified the release's provenance with, else {@code null}. */
    @Exported(visibility = 3)
    public String getSignatureVerifiedBy() {
        return signatureVerifiedBy;
    }

    /** The canary's rows, oldest first: each verdict with its step, share, requests, errors and p99; empty for blue/green. */
    @Exported(visibility = 3)
    public List<RecordedCanaryStep> getCanarySteps() {
        return canarySteps == null ? List.of() : Collections.unmodifiableList(canarySteps);
    }

    /** {@code signature verified (SHA256:…)}, or empty when the gate was not asked. */
    public String getSignatureLabel() {
        return signatureVerifiedBy == null ? "" : "signature verified (" + signatureVerifiedBy + ")";
    }

    /** {@code docker} or {@code swarm}; {@code null} when the record does not say (older records, promotions, rollbacks). */
    @Exported(visibility = 3)
    public String getPlatform() {
        return platform;
    }

    /** Replicas per colour (1 on one Docker host); {@code null} when the record does not say. */
    @Exported(visibility = 3)
    public Integer getReplicas() {
        return replicas;
    }

    /** {@code swarm, 3 replicas per colour}, {@code docker}, or empty when the record does not say. */
    public String getPlatformLabel() {
        if (platform == null) {
            return "";
        }
        if (replicas == null || !"swarm".equals(platform)) {
            return platform;
        }
        return platform + ", " + replicas + (replicas == 1 ? " replica" : " replicas") + " per colour";
    }
}
