package io.jenkins.plugins.immutable.record;

import io.jenkins.plugins.immutable.agent.CanaryStepOutcome;
import io.jenkins.plugins.immutable.agent.ColourOutcome;
import io.jenkins.plugins.immutable.agent.EnvironmentOutcome;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.util.ArrayList;
import java.util.List;

/** Turns what the engine reported after an environment operation into the deployments the build record keeps. */
public final class Recording {

    // The signature gate's note, as the engine's signing.SignatureGate writes it.
    private static final String VERIFIED = "Signature verified: ";
    private static final String SIGNED_BY = " signed by ";

    private Recording() {
    }

    /**
     * After {@code immutableDeploy} of {@code ref}: the new colour is HEALTHY when it waits for promotion, ACTIVE
     * when it took the traffic (or already had it: a repeated deploy is a no-op).
     */
    public static List<RecordedDeployment> deployed(EnvironmentOutcome env, String ref, long nowMillis) {
        ColourOutcome preview = env.preview();
        if (preview != null && sameRef(preview.ref(), ref)) {
            return List.of(onPlatform(env, of(env, "deploy", preview, DeploymentOutcome.HEALTHY, nowMillis).withCanarySteps(env.canarySteps())));
        }
        if (env.active() != null) {
            return List.of(onPlatform(env, of(env, "deploy", env.active(), DeploymentOutcome.ACTIVE, nowMillis).withCanarySteps(env.canarySteps())));
        }
        return List.of();
    }

    /** After {@code immutablePromote}: the promoted colour took the traffic. */
    public static List<RecordedDeployment> promoted(EnvironmentOutcome env, long nowMillis) {
        return env.active() == null ? List.of() : List.of(of(env, "promote", env.active(), DeploymentOutcome.ACTIVE, nowMillis));
    }

    /** After {@code immutableRollback}: a discarded preview is ABORTED; otherwise the active colour is live again. */
    public static List<RecordedDeployment> rolledBack(EnvironmentOutcome env, long nowMillis) {
        List<RecordedDeployment> out = new ArrayList<>();
        if (env.discarded() != null) {
            out.add(of(env, "rollback", env.discarded(), DeploymentOutcome.ABORTED, nowMillis));
        } else if (env.active() != null) {
            out.add(of(env, "rollback", env.active(), DeploymentOutcome.ROLLED_BACK, nowMillis));
        }
        return out;
    }

    /**
     * A deploy the engine undid: a failed health check (no colour kept it, traffic did not move), or an aborted canary,
     * whose rows say how far it went and why it stopped.
     */
    public static RecordedDeployment aborted(String environment, String ref, long nowMillis, List<CanaryStepOutcome> canarySteps) {
        return aborted(environment, ref, nowMillis).withCanarySteps(canarySteps);
    }

    /** A deploy the engine undid (failed health check): no colour kept it, traffic did not move. */
    public static RecordedDeployment aborted(String environment, String ref, long nowMillis) {
        String releaseId;
        try {
            releaseId = Release.idFor(ImageRef.parse(ref).digest());
        } catch (IllegalArgumentException e) {
            releaseId = null;
        }
        return new RecordedDeployment(environment, "deploy", null, ref, releaseId, nowMillis, DeploymentOutcome.ABORTED, null);
    }

    /** With where the deploy ran its colours, when the outcome says (a deploy's does). */
    private static RecordedDeployment onPlatform(EnvironmentOutcome env, RecordedDeployment recorded) {
        return env.platform() == null ? recorded : recorded.onPlatform(env.platform(), env.replicas());
    }

    private static RecordedDeployment of(EnvironmentOutcome env, String operation, ColourOutcome colour, DeploymentOutcome outcome,
            long nowMillis) {
        Long switchMillis = outcome.live() ? env.switchMillis() : null;
        RecordedDeployment recorded = new RecordedDeployment(env.environment(), operation, colour.colour(), colour.ref(),
                colour.releaseId(), nowMillis, outcome, switchMillis);
        String keyId = verifiedKeyId(env.notes(), colour.ref());
        return keyId == null ? recorded : recorded.verifiedBy(keyId);
    }

    /**
     * The key id of the engine's note {@code Signature verified: sha256:… carries SLSA provenance signed by SHA256:….}
     * about this colour's digest (the signature gate's line), or {@code null} when the gate did not speak of it.
     */
    public static String verifiedKeyId(List<String> notes, String ref) {
        String digest = digestOf(ref);
        for (String note : notes) {
            int by = note.lastIndexOf(SIGNED_BY);
            if (note.startsWith(VERIFIED) && by > 0 && (digest == null || note.contains(digest))) {
                String keyId = note.substring(by + SIGNED_BY.length()).strip();
                return keyId.endsWith(".") ? keyId.substring(0, keyId.length() - 1) : keyId;
            }
        }
        return null;
    }

    private static String digestOf(String ref) {
        try {
            return ref == null ? null : ImageRef.parse(ref).digest().value();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameRef(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            return ImageRef.parse(a).equals(ImageRef.parse(b));
        } catch (IllegalArgumentException e) {
            return a.strip().equals(b.strip());
        }
    }
}
