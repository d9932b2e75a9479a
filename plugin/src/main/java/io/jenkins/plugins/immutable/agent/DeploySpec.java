package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What {@code immutableDeploy} asks for, as plain values. Kept in the step execution (which Pipeline writes to
 * disk to resume after a restart), so it holds no credential. {@code null} means "not given": the environment keeps
 * its stored setting.
 */
public final class DeploySpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private String environment;
    private String ref;
    private String app;
    private Integer port;
    private String healthPath;
    private String healthTimeout;
    private Boolean manualPromotion;
    private String haproxySocket;
    private String haproxyBackend;
    private String keepPrevious;
    private String dockerHost;
    private Boolean readOnly;
    /** Space- or comma-separated absolute paths, as the step took them; {@code null} keeps the stored list. */
    private String writablePaths;
    private Boolean requireSignature;
    /** PEM text, or a path on the agent (relative to the workspace). Public: no secret. */
    private String publicKey;
    private String strategy;
    private String canarySteps;
    private String canaryInterval;
    private String maxErrorRate;
    private String maxP99;
    private String minRequests;
    /** {@code docker} or {@code swarm}; {@code null} (and in executions saved before it existed) keeps the stored one. */
    private String platform;
    private Integer replicas;

    private DeploySpec() {
    }

    public static Builder builder(String environment, String ref) {
        return new Builder(environment, ref);
    }

    public String environment() {
        return environment;
    }

    public String ref() {
        return ref;
    }

    /**
     * The engine request; a relative {@code haproxySocket} path is read against the workspace, not the agent's folder,
     * and an address with a scheme ({@code tcp://HOST:PORT}) is passed on untouched.
     *
     * @param login registry credentials for pulling the image, or {@code null} for the agent user's Docker logins
     */
    public DeployRequest toRequest(Path workspace, RegistryLogin login) throws InvalidInputException {
        return toRequest(workspace, login, null);
    }

    /** As above, with the public key PEM of {@code verifyKeyCredentialsId} in place of the step's {@code publicKey} when given. */
    public DeployRequest toRequest(Path workspace, RegistryLogin login, String publicKeyPem) throws InvalidInputException {
        String key = publicKeyPem != null ? publicKeyPem : publicKey;
        return DeployRequest.builder()
                .environment(environment)
                .ref(ref)
                .app(app)
                .port(port == null ? null : port.toString())
                .healthPath(healthPath)
                .healthTimeout(healthTimeout)
                .manualPromotion(manualPromotion)
                .haproxySocket(haproxySocket == null || haproxySocket.isBlank() || haproxySocket.contains("://") ? haproxySocket
                        : workspace.resolve(haproxySocket.strip()).toString())
                .haproxyBackend(haproxyBackend)
                .keepPrevious(keepPrevious)
                .dockerHost(dockerHost)
                .readOnly(readOnly)
                .writablePaths(writablePaths == null ? null : java.util.Arrays.stream(writablePaths.split("[\\s,]+"))
                        .filter(p -> !p.isEmpty()).toList())
                .requireSignature(requireSignature)
                .publicKey(key == null || key.contains("-----BEGIN") ? key : workspace.resolve(key.strip()).toString())
                .strategy(strategy)
                .canary(canarySteps, canaryInterval, maxErrorRate, maxP99, minRequests)
                .platform(platform)
                .replicas(replicas == null ? null : replicas.toString())
                .credentials(login == null ? null : login.toCredentials())
                .build();
    }

    /** Takes the step's optional values; blanks count as not given. */
    public static final class Builder {
        private final DeploySpec s = new DeploySpec();

        private Builder(String environment, String ref) {
            s.environment = environment;
            s.ref = ref;
        }

        public Builder app(String app) {
            s.app = given(app);
            return this;
        }

        public Builder port(Integer port) {
            s.port = port;
            return this;
        }

        public Builder health(String path, String timeout) {
            s.healthPath = given(path);
            s.healthTimeout = given(timeout);
            return this;
        }

        public Builder manualPromotion(Boolean manual) {
            s.manualPromotion = manual;
            return this;
        }

        public Builder haproxy(String socket, String backend) {
            s.haproxySocket = given(socket);
            s.haproxyBackend = given(backend);
            return this;
        }

        public Builder keepPrevious(String duration) {
            s.keepPrevious = given(duration);
            return this;
        }

        public Builder dockerHost(String uri) {
            s.dockerHost = given(uri);
            return this;
        }

        public Builder readOnly(Boolean readOnly) {
            s.readOnly = readOnly;
            return this;
        }

        /** {@code true} requires signed provenance from now on, {@code false} removes that, {@code null} keeps it. */
        public Builder signaturePolicy(Boolean requireSignature, String publicKey) {
            s.requireSignature = requireSignature;
            s.publicKey = given(publicKey);
            return this;
        }

        /** The strategy ({@code blue-green} or {@code canary}) and a canary's settings, as typed; blanks are not given. */
        public Builder canary(String strategy, String steps, String interval, String maxErrorRate, String maxP99, String minRequests) {
            s.strategy = given(strategy);
            s.canarySteps = given(steps);
            s.canaryInterval = given(interval);
            s.maxErrorRate = given(maxErrorRate);
            s.maxP99 = given(maxP99);
            s.minRequests = given(minRequests);
            return this;
        }

        /** Where colours run ({@code docker} or {@code swarm}) and replicas per colour on a Swarm; {@code null} keeps each. */
        public Builder platform(String platform, Integer replicas) {
            s.platform = given(platform);
            s.replicas = replicas;
            return this;
        }

        public Builder writablePaths(String paths) {
            s.writablePaths = given(paths);
            return this;
        }

        public DeploySpec build() {
            return s;
        }

        private static String given(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
