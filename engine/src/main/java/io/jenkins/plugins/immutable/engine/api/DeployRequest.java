package io.jenkins.plugins.immutable.engine.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploy a release, by digest, to an environment. Field names in the problems: {@code environment}, {@code ref},
 * {@code app}, {@code port}, {@code healthPath}, {@code healthTimeout}, {@code haproxySocket},
 * {@code haproxyBackend}, {@code keepPrevious}, {@code dockerHost}, {@code writablePath}, {@code dockerCertPath},
 * {@code strategy}, {@code platform}, {@code replicas}.
 *
 * @param environment the environment's name
 * @param ref         the image, by digest
 * @param overrides   settings given with this deploy (stored with the environment)
 * @param credentials for pulling the image, or {@code null} for {@code ~/.docker/config.json}; never stored
 */
public record DeployRequest(String environment, ImageRef ref, SettingsOverrides overrides, RegistryCredentials credentials) {

    public static Builder builder() {
        return new Builder();
    }

    /** Takes the fields as text, as users type them, and validates them all in {@link #build()}. */
    public static final class Builder {
        private String environment;
        private String ref;
        private String app;
        private String dockerHost;
        private String port;
        private String healthPath;
        private String healthTimeout;
        private String haproxySocket;
        private String haproxyBackend;
        private Boolean manualPromotion;
        private String keepPrevious;
        private RegistryCredentials credentials;
        private Boolean readOnly;
        private List<String> writablePaths;
        private Boolean requireSignature;
        private String publicKey;
        private Boolean dockerTlsVerify;
        private String dockerCertPath;
        private String strategy;
        private String platform;
        private String replicas;
        private String canarySteps;
        private String canaryInterval;
        private String maxErrorRate;
        private String maxP99;
        private String minRequests;

        private Builder() {
        }

        public Builder environment(String name) {
            this.environment = name;
            return this;
        }

        public Builder ref(String repositoryAtDigest) {
            this.ref = repositoryAtDigest;
            return this;
        }

        public Builder app(String name) {
            this.app = name;
            return this;
        }

        public Builder dockerHost(String uri) {
            this.dockerHost = uri;
            return this;
        }

        public Builder port(String port) {
            this.port = port;
            return this;
        }

        public Builder port(int port) {
            return port(Integer.toString(port));
        }

        public Builder healthPath(String path) {
            this.healthPath = path;
            return this;
        }

        public Builder healthTimeout(String duration) {
            this.healthTimeout = duration;
            return this;
        }

        /** HAProxy's runtime API: the absolute path of its admin unix socket, or {@code tcp://HOST:PORT}. */
        public Builder haproxySocket(String address) {
            this.haproxySocket = address;
            return this;
        }

        public Builder haproxyBackend(String name) {
            this.haproxyBackend = name;
            return this;
        }

        public Builder manualPromotion(Boolean manual) {
            this.manualPromotion = manual;
            return this;
        }

        public Builder keepPrevious(String duration) {
            this.keepPrevious = duration;
            return this;
        }

        /** A read-only root filesystem with a tmpfs for each writable path; {@code null} keeps the stored setting. */
        public Builder readOnly(Boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Absolute paths the application may write to (a tmpfs each when read-only; never drift). {@code null} keeps the
         * stored list; an empty list clears it.
         */
        public Builder writablePaths(List<String> paths) {
            this.writablePaths = paths == null ? null : new ArrayList<>(paths);
            return this;
        }

        /**
         * {@code true}: this and every later deploy and rollback must carry provenance signed by the public key;
         * {@code false} removes the requirement; {@code null} keeps the stored policy.
         */
        public Builder requireSignature(Boolean require) {
            this.requireSignature = require;
            return this;
        }

        /** The EC P-256 public key signatures are checked with: its PEM text, or the path of a PEM file. */
        public Builder publicKey(String pemOrPath) {
            this.publicKey = pemOrPath;
            return this;
        }

        /**
         * The Docker host's TLS, as {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} say (the folder with
         * {@code ca.pem}, {@code cert.pem}, {@code key.pem}); stored with the environment, the path only. {@code null}s
         * keep the stored settings (or the engine's, on a first deploy).
         */
        public Builder dockerTls(Boolean verify, String certPath) {
            this.dockerTlsVerify = verify;
            this.dockerCertPath = certPath;
            return this;
        }

        /** {@code docker} (one Docker host) or {@code swarm} (a Swarm service per colour); {@code null} keeps the stored one. */
        public Builder platform(String platform) {
            this.platform = platform;
            return this;
        }

        /** How many replicas each colour runs, 1 or more; only with platform {@code swarm}. {@code null} keeps the stored count. */
        public Builder replicas(String replicas) {
            this.replicas = replicas;
            return this;
        }

        public Builder replicas(int replicas) {
            return replicas(Integer.toString(replicas));
        }

        /** {@code blue-green} (an atomic switch) or {@code canary}; {@code null} keeps the stored strategy. */
        public Builder strategy(String strategy) {
            this.strategy = strategy;
            return this;
        }

        /**
         * A canary's settings, as typed: steps {@code 5,25,pause,100}, interval {@code 30s}, the highest error rate
         * {@code 1%}, the highest response time {@code 800ms} ({@code none}: no limit), the fewest requests a step is judged
         * on. Each given one replaces only its field of the environment's stored canary ({@code null}s keep them; the
         * defaults on a first canary). With {@link #strategy(String) strategy canary}, or once the environment stores a
         * canary; refused with {@code blue-green}.
         */
        public Builder canary(String steps, String interval, String maxErrorRate, String maxP99, String minRequests) {
            this.canarySteps = steps;
            this.canaryInterval = interval;
            this.maxErrorRate = maxErrorRate;
            this.maxP99 = maxP99;
            this.minRequests = minRequests;
            return this;
        }

        /** Registry credentials for pulling the image; never stored with the environment. */
        public Builder credentials(RegistryCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * Validates every field.
         *
         * @throws InvalidInputException listing every problem, each naming its field
         */
        public DeployRequest build() throws InvalidInputException {
            Problems problems = new Problems();
            if (environment == null || environment.isBlank()) {
                problems.add("environment", "missing: expected the environment's name, such as staging");
            } else if (!Names.valid(environment.strip())) {
                problems.add("environment", "'" + environment + "' is not a valid name: " + Names.expected());
            }
            ImageRef parsedRef = null;
            if (ref == null || ref.isBlank()) {
                problems.add("ref", "missing: expected the image by digest, REPOSITORY@sha256:<64 hex>");
            } else {
                parsedRef = problems.parse("ref", ref, ImageRef::parse);
            }
            if (app != null && !Names.valid(app.strip())) {
                problems.add("app", "'" + app + "' is not a valid name: " + Names.expected());
            }
            Integer parsedPort = problems.parse("port", port, Builder::parsePort);
            if (healthPath != null && !healthPath.strip().startsWith("/")) {
                problems.add("healthPath", "'" + healthPath + "' is not a path: expected it to start with '/', such as /health");
            }
            Duration timeout = problems.parse("healthTimeout", healthTimeout, Durations::parse);
            if (timeout != null && timeout.isZero()) {
                problems.add("healthTimeout", "0 leaves no time for a health check: " + Durations.EXPECTED);
                timeout = null;
            }
            Duration keep = problems.parse("keepPrevious", keepPrevious, Durations::parse);
            if (haproxyBackend != null && !Names.valid(haproxyBackend.strip())) {
                problems.add("haproxyBackend", "'" + haproxyBackend + "' is not a valid backend name: " + Names.expected());
            }
            HaproxyAddress router = problems.parse("haproxySocket", haproxySocket, HaproxyAddress::parse);
            Path certPath = problems.parse("dockerCertPath", dockerCertPath, DockerCertPath::parse);
            if (dockerHost != null && !dockerHost.isBlank() && !dockerHost.matches("(unix|tcp|npipe)://.+")) {
                problems.add("dockerHost", "'" + dockerHost + "' is not a Docker host: expected unix:///path/docker.sock or tcp://host:port");
            }
            List<String> writable = writablePaths == null ? null : writablePaths(problems);
            String publicKeyPem = publicKey == null || publicKey.isBlank() ? null : problems.parse("publicKey", publicKey,
                    PublicKeyText::read);
            String strategyName = strategy == null || strategy.isBlank() ? null : strategy.strip().toLowerCase(java.util.Locale.ROOT);
            CanaryOverrides canary = canary(problems, strategyName);
            String platformName = blank(platform) ? null : platform.strip().toLowerCase(java.util.Locale.ROOT);
            if (platformName != null && !platformName.equals(EnvironmentSettings.DOCKER) && !platformName.equals(EnvironmentSettings.SWARM)) {
                problems.add("platform", "'" + platform + "' is not a platform: expected docker (one Docker host) or swarm (a Docker"
                        + " Swarm cluster)");
            }
            Integer replicaCount = blank(replicas) ? null : problems.parse("replicas", replicas, Builder::parsePositive);
            if (replicaCount != null && EnvironmentSettings.DOCKER.equals(platformName)) {
                problems.add("replicas", "'" + replicas + "' replicas on platform docker: one Docker host runs one container per"
                        + " colour; expected --replicas only with platform swarm");
            }
            problems.throwIfAny();
            SettingsOverrides overrides = new SettingsOverrides(strip(app), strip(dockerHost), parsedPort, strip(healthPath), timeout,
                    router == null || router.isTcp() ? null : router.socket(), strip(haproxyBackend), manualPromotion, keep, readOnly,
                    writable, requireSignature, publicKeyPem, router != null && router.isTcp() ? router.toString() : null,
                    dockerTlsVerify, certPath, strategyName, null, canary, platformName, replicaCount);
            return new DeployRequest(environment.strip(), parsedRef, overrides, credentials);
        }

        /**
         * The canary settings given, field by field ({@code null}: none given). With {@code blue-green} they are refused;
         * without a strategy they are kept for the environment's stored canary, which the deploy checks.
         */
        private CanaryOverrides canary(Problems problems, String strategyName) {
            if (strategyName != null && !strategyName.equals(EnvironmentSettings.BLUE_GREEN)
                    && !strategyName.equals(EnvironmentSettings.CANARY)) {
                problems.add("strategy", "'" + strategy + "' is not a strategy: expected blue-green or canary");
                return null;
            }
            String[][] given = {{"canarySteps", canarySteps}, {"canaryInterval", canaryInterval}, {"maxErrorRate", maxErrorRate},
                {"maxP99", maxP99}, {"minRequests", minRequests}};
            if (EnvironmentSettings.BLUE_GREEN.equals(strategyName)) {
                for (String[] field : given) {
                    if (!blank(field[1])) {
                        problems.add(field[0], "'" + field[1] + "' is a canary setting, but the strategy is blue-green:"
                                + " expected it only with strategy canary");
                    }
                }
                return null;
            }
            java.util.List<Integer> steps = blank(canarySteps) ? null
                    : problems.parse("canarySteps", canarySteps, CanarySettings::parseSteps);
            Duration interval = blank(canaryInterval) ? null : problems.parse("canaryInterval", canaryInterval, Durations::parse);
            if (interval != null && interval.isZero()) {
                problems.add("canaryInterval", "0 leaves no time to judge a step: " + Durations.EXPECTED);
            }
            Double rate = blank(maxErrorRate) ? null : problems.parse("maxErrorRate", maxErrorRate, CanarySettings::parseRate);
            Duration p99 = blank(maxP99) ? null : maxP99.strip().equalsIgnoreCase("none") ? CanaryOverrides.NO_LIMIT
                    : problems.parse("maxP99", maxP99, Durations::parse);
            if (p99 != null && p99.isZero() && !maxP99.strip().equalsIgnoreCase("none")) {
                problems.add("maxP99", "0 fails every answer: " + Durations.EXPECTED + ", or none for no limit");
            }
            Integer min = blank(minRequests) ? null : problems.parse("minRequests", minRequests, Builder::parsePositive);
            CanaryOverrides fields = new CanaryOverrides(steps, interval, rate, p99, min);
            return fields.givenFields().isEmpty() ? null : fields;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static Integer parsePositive(String text) {
            try {
                int value = Integer.parseInt(text.strip());
                if (value >= 1) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("'" + text + "' is not a count: expected a whole number of 1 or more");
        }

        private List<String> writablePaths(Problems problems) {
            List<String> paths = new ArrayList<>();
            for (String path : writablePaths) {
                String p = path == null ? "" : path.strip();
                if (!p.startsWith("/") || p.contains("..") || p.contains(":") || p.contains(",")) {
                    problems.add("writablePath", "'" + path + "' is not an absolute path in the container: expected one such as"
                            + " /tmp or /var/cache/app (no '..', ':' or ',')");
                } else if (!paths.contains(p)) {
                    paths.add(p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
                }
            }
            return paths;
        }

        private static Integer parsePort(String text) {
            try {
                int value = Integer.parseInt(text.strip());
                if (value >= 1 && value <= 65535) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("'" + text + "' is not a port: expected a number from 1 to 65535");
        }

        private static String strip(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
