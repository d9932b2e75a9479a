package io.jenkins.plugins.immutable.steps;

import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.agent.ColourOutcome;
import io.jenkins.plugins.immutable.agent.EnvironmentOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the steps return to the Pipeline script: maps of strings, booleans and numbers only, because the script's
 * variables are saved with the program and must survive a controller restart.
 */
final class StepResults {

    private StepResults() {
    }

    /** {@code immutableBuild}: {@code ref, digest, releaseId, inputDigest, reused}. */
    static Map<String, Object> build(BuildOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ref", outcome.ref());
        map.put("digest", outcome.digest());
        map.put("releaseId", outcome.releaseId());
        map.put("inputDigest", outcome.inputDigest());
        map.put("reused", outcome.reused());
        return map;
    }

    /**
     * {@code immutableDeploy}, {@code immutablePromote}, {@code immutableRollback}: {@code environment}, {@code active},
     * {@code previous}, {@code preview} (each {@code colour, ref, releaseId, state}, or {@code null}), and
     * {@code switchMillis} ({@code null} when traffic did not move).
     */
    static Map<String, Object> environment(EnvironmentOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", outcome.environment());
        map.put("active", colour(outcome.active()));
        map.put("previous", colour(outcome.previous()));
        map.put("preview", colour(outcome.preview()));
        map.put("switchMillis", outcome.switchMillis());
        return map;
    }

    private static Map<String, Object> colour(ColourOutcome colour) {
        if (colour == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("colour", colour.colour());
        map.put("ref", colour.ref());
        map.put("releaseId", colour.releaseId());
        map.put("state", colour.state());
        return map;
    }
}
