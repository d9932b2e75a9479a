package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the engine keeps its state on the agent and which Docker daemon it talks to. Sent to the agent with every
 * operation; the state folder is resolved there, because {@code ~} means the home of the agent's user, not of the
 * controller's.
 */
public final class AgentSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The state folder under the agent user's home when the step names none. */
    public static final String DEFAULT_STATE_DIR = ".immutable-release";

    private final String stateDir;
    private final String dockerHost;
    // Paths on the agent only (docker-commons writes the key material there): never the keys or logins themselves.
    private final Boolean dockerTlsVerify;
    private final String dockerCertPath;
    private final String dockerConfig;
    // The global configuration's shared ledger (used when the step names no stateDir), and its password: only ever in a
    // copy made for one agent call (withLedger), never in the settings an execution keeps.
    private final String ledgerUrl;
    private final String ledgerPassword;

    /**
     * @param stateDir   the step's {@code stateDir}: absolute, {@code ~/…}, relative to the workspace, or {@code null}
     * @param dockerHost the build environment's {@code DOCKER_HOST}, or {@code null} for the engine's default
     */
    public AgentSettings(String stateDir, String dockerHost) {
        this(stateDir, dockerHost, null, null, null);
    }

    private AgentSettings(String stateDir, String dockerHost, Boolean dockerTlsVerify, String dockerCertPath, String dockerConfig) {
        this(stateDir, dockerHost, dockerTlsVerify, dockerCertPath, dockerConfig, null, null);
    }

    private AgentSettings(String stateDir, String dockerHost, Boolean dockerTlsVerify, String dockerCertPath, String dockerConfig,
            String ledgerUrl, String ledgerPassword) {
        this.stateDir = blankToNull(stateDir);
        this.dockerHost = blankToNull(dockerHost);
        this.dockerTlsVerify = dockerTlsVerify;
        this.dockerCertPath = blankToNull(dockerCertPath);
        this.dockerConfig = blankToNull(dockerConfig);
        this.ledgerUrl = blankToNull(ledgerUrl);
        this.ledgerPassword = ledgerPassword;
    }

    /**
     * A copy for one agent call that uses the shared ledger database {@code url} (with {@code password}, or
     * {@code null} for the agent's {@code PGPASSWORD}/{@code ~/.pgpass}) when the step names no {@code stateDir}: a
     * step's own folder wins. Never keep the copy: it holds the password.
     */
    public AgentSettings withLedger(String url, String password) {
        return new AgentSettings(stateDir, dockerHost, dockerTlsVerify, dockerCertPath, dockerConfig, url, password);
    }

    /** The shared ledger this call uses: the global one when the step names no folder, else {@code null}. */
    public String ledgerUrl() {
        return stateDir == null ? ledgerUrl : null;
    }

    /**
     * The settings of a step with {@code stateDir}, run in a build whose environment is {@code env}: {@code DOCKER_HOST},
     * and what {@code docker.withServer}/{@code docker.withRegistry} (docker-commons) set beside it,
     * {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH} and {@code DOCKER_CONFIG}.
     */
    public static AgentSettings of(String stateDir, Map<String, String> env) {
        String tlsVerify = env.get("DOCKER_TLS_VERIFY");
        // As the docker CLI reads it: set and non-empty means verify.
        Boolean verify = tlsVerify == null ? null : !tlsVerify.isBlank();
        return new AgentSettings(stateDir, env.get("DOCKER_HOST"), verify, env.get("DOCKER_CERT_PATH"), env.get("DOCKER_CONFIG"));
    }

    /** The engine's configuration on the agent, without event handlers. */
    public EngineConfig.Builder engineConfig(Path workspace, String userHome) {
        return EngineConfig.builder(resolveStateDir(workspace, userHome))
                .ledgerUrl(ledgerUrl())
                .ledgerPassword(ledgerUrl() == null || ledgerPassword == null ? null : ledgerPassword.toCharArray())
                .dockerHost(dockerHost)
                .dockerConfigDir(dockerConfig == null ? null : workspace.resolve(dockerConfig))
                .dockerTls(dockerTlsVerify, dockerCertPath == null ? null : workspace.resolve(dockerCertPath));
    }

    public String stateDir() {
        return stateDir;
    }

    public String dockerHost() {
        return dockerHost;
    }

    /** The state folder as the agent sees it. */
    public Path resolveStateDir(Path workspace, String userHome) {
        if (stateDir == null) {
            return Path.of(userHome, DEFAULT_STATE_DIR);
        }
        if (stateDir.equals("~")) {
            return Path.of(userHome);
        }
        if (stateDir.startsWith("~/")) {
            return Path.of(userHome, stateDir.substring(2)).normalize();
        }
        return workspace.resolve(stateDir).toAbsolutePath().normalize();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "AgentSettings[stateDir=" + stateDir + ", dockerHost=" + dockerHost + ", ledger=" + ledgerUrl
                + (ledgerPassword == null ? "" : ", password hidden") + "]";
    }
}
