package io.jenkins.plugins.immutable.engine.platform;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels every container the engine starts carries, so that any machine can read an environment from the target
 * alone: which environment, app and colour it is, which release and digest it runs, when it started and with which
 * settings. The ledger only caches what these say.
 */
public final class TargetLabels {

    public static final String PREFIX = "io.jenkins.plugins.immutable-release.";
    public static final String ENVIRONMENT = PREFIX + "environment";
    public static final String APP = PREFIX + "app";
    public static final String COLOUR = PREFIX + "colour";
    public static final String RELEASE = PREFIX + "release";
    public static final String DIGEST = PREFIX + "digest";
    public static final String REF = PREFIX + "ref";
    public static final String INPUT_DIGEST = PREFIX + "input-digest";
    public static final String STARTED_AT = PREFIX + "started-at";
    public static final String SETTINGS = PREFIX + "settings";
    /** Marks the environment's lock object, which is never a colour. */
    public static final String LOCK = PREFIX + "lock";

    private TargetLabels() {
    }

    /** The labels of a colour's container. */
    public static Map<String, String> forColour(String environment, EnvironmentSettings settings, Colour colour, Release release,
            Instant startedAt) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ENVIRONMENT, environment);
        labels.put(APP, settings.app());
        labels.put(COLOUR, colour.label());
        labels.put(RELEASE, release.id());
        labels.put(DIGEST, release.digest().value());
        labels.put(REF, release.ref().toString());
        if (release.inputDigest() != null) {
            labels.put(INPUT_DIGEST, release.inputDigest().value());
        }
        labels.put(STARTED_AT, startedAt.toString());
        labels.put(SETTINGS, fingerprint(settings));
        labels.put(SettingsLabel.KEY, SettingsLabel.encode(settings));
        return labels;
    }

    /**
     * A short hash of the settings that shape a container (its port, read-only root, writable paths; on a Swarm the
     * replica count): a container
     * whose label differs from the environment's current fingerprint was started with other settings.
     */
    public static String fingerprint(EnvironmentSettings settings) {
        String canonical = "v1\nport=" + settings.containerPort() + "\nreadOnly=" + settings.readOnly() + "\nwritable="
                + String.join(",", settings.writablePaths().stream().sorted().toList()) + "\n"
                // Only on a Swarm, so a Docker host container's fingerprint stays what earlier engines wrote.
                + (settings.onSwarm() ? "replicas=" + settings.replicaCount() + "\n" : "");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A colour as its container's labels describe it, or empty when the labels are not the engine's (missing or
     * malformed): such a container was not started by the engine.
     */
    public static Optional<LabelledColour> read(Map<String, String> labels) {
        try {
            String environment = labels.get(ENVIRONMENT);
            String colour = labels.get(COLOUR);
            String ref = labels.get(REF);
            String release = labels.get(RELEASE);
            if (environment == null || colour == null || ref == null || release == null || labels.containsKey(LOCK)) {
                return Optional.empty();
            }
            ImageRef imageRef = ImageRef.parse(ref);
            String input = labels.get(INPUT_DIGEST);
            String started = labels.get(STARTED_AT);
            return Optional.of(new LabelledColour(environment, labels.get(APP), Colour.parse(colour), release, imageRef,
                    input == null ? null : Digest.parse(input), started == null ? null : Instant.parse(started),
                    labels.get(SETTINGS)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What a colour's labels say.
     *
     * @param settings the settings fingerprint it was started with
     */
    public record LabelledColour(String environment, String app, Colour colour, String releaseId, ImageRef ref, Digest inputDigest,
            Instant startedAt, String settings) {
    }
}
