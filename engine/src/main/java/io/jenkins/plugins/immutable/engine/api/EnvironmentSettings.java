package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How an environment runs its releases. Given to the first {@code deploy} and stored with the environment, so
 * later commands need only its name.
 *
 * @param app             the application name; containers are named {@code <app>-<env>-<colour>}
 * @param dockerHost      the Docker host the containers run on ({@code unix://…} or {@code tcp://…})
 * @param containerPort   the port the application listens on inside its container
 * @param healthPath      the path probed on each new colour; 2xx three times in a row passes
 * @param healthTimeout   how long a new colour may take to pass
 * @param haproxySocket   HAProxy's admin socket ({@code stats socket … level admin})
 * @param haproxyBackend  the backend holding the {@code blue} and {@code green} servers
 * @param manualPromotion {@code true}: a healthy new colour waits for {@code promote}
 * @param keepPrevious    how long the previous colour stays warm for an instant rollback
 * @param readOnly        {@code true}: containers run with a read-only root filesystem and a tmpfs for each writable path,
 *                        so runtime drift of their files is impossible by construction
 * @param writablePaths   absolute paths inside the container where the application may write: a tmpfs each when
 *                        {@code readOnly}; changes below them are never drift
 * @param requireSignature {@code true}: every deploy and rollback must find the release's signed provenance in the
 *                        registry, signed by {@code publicKey}, or it is refused before anything starts or switches
 * @param publicKey       the PEM text of the EC P-256 public key signatures are checked with; {@code null} when none
 */
public record EnvironmentSettings(String app, String dockerHost, int containerPort, String healthPath, Duration healthTimeout,
        Path haproxySocket, String haproxyBackend, boolean manualPromotion, Duration keepPrevious, boolean readOnly,
        List<String> writablePaths, boolean requireSignature, String publicKey) implements Serializable {

    public EnvironmentSettings {
        // Environments stored before these settings existed read back with null (and false).
        writablePaths = writablePaths == null ? List.of() : List.copyOf(writablePaths);
    }

    /** Settings without a signature policy, as environments had before it existed. */
    public EnvironmentSettings(String app, String dockerHost, int containerPort, String healthPath, Duration healthTimeout,
            Path haproxySocket, String haproxyBackend, boolean manualPromotion, Duration keepPrevious, boolean readOnly,
            List<String> writablePaths) {
        this(app, dockerHost, containerPort, healthPath, healthTimeout, haproxySocket, haproxyBackend, manualPromotion,
                keepPrevious, readOnly, writablePaths, false, null);
    }

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HEALTH_PATH = "/";
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(60);
    public static final String DEFAULT_BACKEND = "app";
    public static final Duration DEFAULT_KEEP_PREVIOUS = Duration.ofHours(24);
}
