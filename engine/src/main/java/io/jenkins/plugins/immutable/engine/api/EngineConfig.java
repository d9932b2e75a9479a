package io.jenkins.plugins.immutable.engine.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * How to open an engine.
 *
 * @param stateDir        the ledger's folder ({@code .immutable/} for the CLI)
 * @param dockerHost      the Docker daemon for builds and for environments that name none; {@code null}: {@code DOCKER_HOST},
 *                        else {@code unix:///var/run/docker.sock}
 * @param dockerConfigDir where {@code config.json} with registry auths is; {@code null}: {@code DOCKER_CONFIG}, else {@code ~/.docker}
 * @param dockerTlsVerify whether to talk TLS to the daemon and verify it ({@code DOCKER_TLS_VERIFY}); {@code null}: docker-java's
 *                        default (the process environment)
 * @param dockerCertPath  the folder holding {@code ca.pem}, {@code cert.pem}, {@code key.pem} ({@code DOCKER_CERT_PATH}); a path,
 *                        never key material; {@code null}: docker-java's default
 * @param handlers        who receives the engine's events
 * @param clock           the time source (tests fix it)
 * @param ledgerUrl       a shared ledger database, {@code postgresql://HOST:PORT/DB?user=U}, used instead of the state
 *                        folder's {@code ledger.db}; {@code null}: the folder. Never with a password.
 * @param ledgerPassword  that database's password when the caller has it (Jenkins' credentials); {@code null}:
 *                        {@code PGPASSWORD}, else {@code ~/.pgpass}. An array, so that printing the config never shows it.
 */
public record EngineConfig(Path stateDir, String dockerHost, Path dockerConfigDir, Boolean dockerTlsVerify, Path dockerCertPath,
        List<EventHandler> handlers, Clock clock, String ledgerUrl, char[] ledgerPassword) {

    public EngineConfig {
        handlers = List.copyOf(handlers);
    }

    /** Without a ledger database: the state folder's. */
    public EngineConfig(Path stateDir, String dockerHost, Path dockerConfigDir, Boolean dockerTlsVerify, Path dockerCertPath,
            List<EventHandler> handlers, Clock clock) {
        this(stateDir, dockerHost, dockerConfigDir, dockerTlsVerify, dockerCertPath, handlers, clock, null, null);
    }

    public static Builder builder(Path stateDir) {
        return new Builder(stateDir);
    }

    /** Optional fields with their defaults. */
    public static final class Builder {
        private final Path stateDir;
        private String dockerHost;
        private Path dockerConfigDir;
        private Boolean dockerTlsVerify;
        private Path dockerCertPath;
        private final List<EventHandler> handlers = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private String ledgerUrl;
        private char[] ledgerPassword;

        private Builder(Path stateDir) {
            this.stateDir = stateDir;
        }

        public Builder dockerHost(String uri) {
            this.dockerHost = uri == null || uri.isBlank() ? null : uri.strip();
            return this;
        }

        public Builder dockerConfigDir(Path dir) {
            this.dockerConfigDir = dir;
            return this;
        }

        /** {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} as {@code docker.withServer} sets them; {@code null}s keep the defaults. */
        public Builder dockerTls(Boolean verify, Path certPath) {
            this.dockerTlsVerify = verify;
            this.dockerCertPath = certPath;
            return this;
        }

        public Builder handler(EventHandler handler) {
            this.handlers.add(handler);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** A shared ledger database ({@code postgresql://HOST:PORT/DB?user=U}); {@code null} or blank: the state folder. */
        public Builder ledgerUrl(String url) {
            this.ledgerUrl = url == null || url.isBlank() ? null : url.strip();
            return this;
        }

        /** The ledger database's password, when the caller holds it; {@code null}: {@code PGPASSWORD} or {@code ~/.pgpass}. */
        public Builder ledgerPassword(char[] password) {
            this.ledgerPassword = password;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(stateDir.toAbsolutePath().normalize(), dockerHost, dockerConfigDir, dockerTlsVerify, dockerCertPath,
                    handlers, clock, ledgerUrl, ledgerPassword);
        }
    }
}
