package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.nio.file.Path;

/**
 * A Docker host with the TLS it is reached with: the key by which the engine keeps one gateway per daemon, so two
 * environments on one host with different certificates never share a connection.
 *
 * @param host      {@code unix://…} or {@code tcp://…}
 * @param tlsVerify {@code DOCKER_TLS_VERIFY}; {@code null}: as the process environment says
 * @param certPath  {@code DOCKER_CERT_PATH}; {@code null}: as the process environment says
 */
public record DockerEndpoint(String host, Boolean tlsVerify, Path certPath) {

    /** The Docker host an environment's settings name, with their TLS. */
    public static DockerEndpoint of(EnvironmentSettings settings) {
        return new DockerEndpoint(settings.dockerHost(), settings.dockerTlsVerify(), settings.dockerCertPath());
    }

    /**
     * A connection to this endpoint; not contacted yet. When its TLS files cannot be read into an SSL context, a
     * gateway whose every call fails saying so.
     */
    public DockerGateway connect() {
        try {
            return DockerJavaGateway.connect(host, tlsVerify, certPath);
        } catch (RuntimeException e) {
            String shown = host == null ? "DOCKER_HOST" : host;
            return FailingGateway.of(shown, new ReleaseException(ReleaseException.Kind.BAD_INPUT, "Cannot set up the connection"
                    + " to the Docker daemon at " + shown + (certPath == null ? "" : " with the TLS files in " + certPath)
                    + ": " + DockerFailures.firstLine(DockerFailures.rootMessage(e)) + ". " + DockerFailures.TLS_REMEDY + ".", e));
        }
    }
}
