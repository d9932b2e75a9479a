package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.CanaryOverrides;
import io.jenkins.plugins.immutable.engine.api.CanarySettings;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Problem;
import io.jenkins.plugins.immutable.engine.api.SettingsOverrides;
import io.jenkins.plugins.immutable.engine.docker.DockerEndpoint;

/** Merges what a deploy was given with what the environment stored, falling back to the defaults. */
final class SettingsResolver {

    private SettingsResolver() {
    }

    /**
     * @param stored        the environment's settings, or {@code null} for a new environment
     * @param given         this deploy's settings
     * @param ref           the image, whose name is the default application name
     * @param defaultDocker the engine's Docker host and its TLS
     */
    static EnvironmentSettings resolve(String environment, EnvironmentSettings stored, SettingsOverrides given, ImageRef ref,
            DockerEndpoint defaultDocker) throws InvalidInputException {
        if (stored == null && given.router() == null) {
            throw new InvalidInputException("haproxySocket", "environment '" + environment
                    + "' is new: expected the path of the HAProxy admin socket that routes its traffic, or tcp://HOST:PORT");
        }
        // The router is one setting in two fields (a unix path or a TCP address): given either, it replaces both.
        HaproxyAddress router = given.router() != null ? given.router() : stored.router();
        // TLS belongs to the Docker host it reaches: given, else stored, else the engine's, field by field.
        Boolean tlsVerify = pick(given.dockerTlsVerify(), stored == null ? null : stored.dockerTlsVerify(), defaultDocker.tlsVerify());
        java.nio.file.Path certPath = pick(given.dockerCertPath(), stored == null ? null : stored.dockerCertPath(),
                defaultDocker.certPath());
        return new EnvironmentSettings(
                pick(given.app(), stored == null ? null : stored.app(), ref.simpleName()),
                pick(given.dockerHost(), stored == null ? null : stored.dockerHost(), defaultDocker.host()),
                pick(given.containerPort(), stored == null ? null : stored.containerPort(), EnvironmentSettings.DEFAULT_PORT),
                pick(given.healthPath(), stored == null ? null : stored.healthPath(), EnvironmentSettings.DEFAULT_HEALTH_PATH),
                pick(given.healthTimeout(), stored == null ? null : stored.healthTimeout(), EnvironmentSettings.DEFAULT_HEALTH_TIMEOUT),
                router.isTcp() ? null : router.socket(),
                pick(given.haproxyBackend(), stored == null ? null : stored.haproxyBackend(), EnvironmentSettings.DEFAULT_BACKEND),
                pick(given.manualPromotion(), stored == null ? null : stored.manualPromotion(), false),
                pick(given.keepPrevious(), stored == null ? null : stored.keepPrevious(), EnvironmentSettings.DEFAULT_KEEP_PREVIOUS),
                pick(given.readOnly(), stored == null ? null : stored.readOnly(), false),
                pick(given.writablePaths(), stored == null ? null : stored.writablePaths(), java.util.List.of()),
                requireSignature(environment, stored, given),
                pick(given.publicKey(), stored == null ? null : stored.publicKey(), null),
                router.isTcp() ? router.toString() : null, tlsVerify, certPath, canary(environment, stored, given),
                platform(environment, stored, given), replicas(environment, stored, given));

    }

    /**
     * Given a strategy, it replaces the stored one; else the stored one stays. A canary's settings merge field by field:
     * each given field over the stored canary's (over the defaults when the environment had none). {@code blue-green}
     * forgets the stored canary: the environment's settings hold one strategy, and a later canary starts from the defaults.
     */
    private static CanarySettings canary(String environment, EnvironmentSettings stored, SettingsOverrides given)
            throws InvalidInputException {
        CanarySettings storedCanary = stored == null ? null : stored.canary();
        CanaryOverrides fields = given.canaryFields() == null ? CanaryOverrides.NONE : given.canaryFields();
        if (EnvironmentSettings.BLUE_GREEN.equals(given.strategy())) {
            return null;
        }
        if (given.strategy() == null && storedCanary == null) {
            if (!fields.givenFields().isEmpty()) {
                String why = "a canary setting, but environment '" + environment + "' " + (stored == null ? "is new" : "runs blue-green")
                        + ": expected it with strategy canary (or once the environment stores a canary)";
                throw new InvalidInputException(fields.givenFields().stream().map(f -> new Problem(f, why)).toList());
            }
            return null;
        }
        CanarySettings base = given.canary() != null ? given.canary() : storedCanary != null ? storedCanary : CanarySettings.defaults();
        return fields.applyTo(base);
    }

    /** Given, the platform replaces the stored one; both platforms run blue/green and canary alike. */
    private static String platform(String environment, EnvironmentSettings stored, SettingsOverrides given) {
        return pick(given.platform(), stored == null ? null : stored.platform(), null);
    }

    /** Replicas belong to a Swarm: given for a Docker host environment, they are refused rather than ignored. */
    private static int replicas(String environment, EnvironmentSettings stored, SettingsOverrides given)
            throws InvalidInputException {
        String platform = pick(given.platform(), stored == null ? null : stored.platform(), EnvironmentSettings.DOCKER);
        if (given.replicas() != null && !EnvironmentSettings.SWARM.equals(platform)) {
            throw new InvalidInputException("replicas", given.replicas() + " replicas for environment '" + environment
                    + "', which runs on platform docker (one container per colour): expected them only with platform swarm");
        }
        if (!EnvironmentSettings.SWARM.equals(platform)) {
            return 0;
        }
        return pick(given.replicas(), stored == null || stored.replicas() < 1 ? null : stored.replicas(), 1);
    }

    /** Once required, a signature stays required until a deploy says {@code requireSignature(false)}. */
    private static boolean requireSignature(String environment, EnvironmentSettings stored, SettingsOverrides given)
            throws InvalidInputException {
        boolean require = pick(given.requireSignature(), stored == null ? null : stored.requireSignature(), false);
        if (require && given.publicKey() == null && (stored == null || stored.publicKey() == null)) {
            throw new InvalidInputException("publicKey", "environment '" + environment + "' would require signed releases but"
                    + " has no public key: expected the PEM of the key that signs them (keygen's signing.pub)");
        }
        return require;
    }

    private static <T> T pick(T given, T stored, T fallback) {
        return given != null ? given : stored != null ? stored : fallback;
    }
}
