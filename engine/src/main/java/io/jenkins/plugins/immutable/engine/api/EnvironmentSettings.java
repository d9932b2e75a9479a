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
 * @param haproxyTcp      HAProxy's runtime API over TCP, {@code tcp://HOST:PORT}, when it is not on a unix socket (then
 *                        {@code haproxySocket} is {@code null}); {@link #router()} gives whichever is set
 * @param dockerTlsVerify whether the Docker host is reached over TLS and verified ({@code DOCKER_TLS_VERIFY}); {@code null}:
 *                        as the process environment says (environments stored before TLS settings existed)
 * @param dockerCertPath  the folder with {@code ca.pem}, {@code cert.pem}, {@code key.pem} for that TLS
 *                        ({@code DOCKER_CERT_PATH}); only the path is stored, never key material
 * @param canary          the strategy: {@code null} for blue/green (an atomic switch), else a canary with these steps and
 *                        thresholds (environments stored before canaries existed read back blue/green)
 * @param platform        where colours run: {@code docker} (one Docker host, a container per colour) or {@code swarm} (a
 *                        Swarm service per colour); {@code null} reads as {@code docker} (environments stored before)
 * @param replicas        how many replicas each colour runs on a Swarm; {@code 0} (not set) reads as 1
 */
public record EnvironmentSettings(String app, String dockerHost, int containerPort, String healthPath, Duration healthTimeout,
        Path haproxySocket, String haproxyBackend, boolean manualPromotion, Duration keepPrevious, boolean readOnly,
        List<String> writablePaths, boolean requireSignature, String publicKey, String haproxyTcp, Boolean dockerTlsVerify,
        Path dockerCertPath, CanarySettings canary, String platform, int replicas) implements Serializable {

    public static final String DOCKER = "docker";
    public static final String SWARM = "swarm";

    public EnvironmentSettings {
        if (platform != null && !platform.equals(DOCKER) && !platform.equals(SWARM)) {
            throw new IllegalArgumentException("platform must be docker or swarm, got " + platform);
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 1 or more, got " + replicas);
        }
        // Environments stored before these settings existed read back with null (and false).
        writablePaths = writablePaths == null ? List.of() : List.copyOf(writablePaths);
        if (haproxyTcp != null) {
            HaproxyAddress tcp = HaproxyAddress.parse(haproxyTcp);
            if (!tcp.isTcp()) {
                throw new IllegalArgumentException("haproxyTcp must be tcp://HOST:PORT, got " + haproxyTcp);
            }
            if (haproxySocket != null) {
                throw new IllegalArgumentException("HAProxy is either on a unix socket or at a TCP address, not both: "
                        + haproxySocket + ", " + haproxyTcp);
            }
            haproxyTcp = tcp.toString();
        }
    }

    /** Settings on one Docker host: the form before platforms. */
    public EnvironmentSettings(String app, String dockerHost, int containerPort, String healthPath, Duration healthTimeout,
            Path haproxySocket, String haproxyBackend, boolean manualPromotion, Duration keepPrevious, boolean readOnly,
            List<String> writablePaths, boolean requireSignature, String publicKey, String haproxyTcp, Boolean dockerTlsVerify,
            Path dockerCertPath, CanarySettings canary) {
        this(app, dockerHost, containerPort, healthPath, healthTimeout, haproxySocket, haproxyBackend, manualPromotion,
                keepPrevious, readOnly, writablePaths, requireSignature, publicKey, haproxyTcp, dockerTlsVerify, dockerCertPath, canary,
                null, 0);
    }

    /** {@code docker} or {@code swarm}. */
    public String platformName() {
        return platform == null ? DOCKER : platform;
    }

    /** Whether colours run as Swarm services. */
    public boolean onSwarm() {
        return SWARM.equals(platform);
    }

    /** How many replicas each colour runs: 1 on one Docker host. */
    public int replicaCount() {
        return replicas < 1 ? 1 : replicas;
    }

    /** Settings with a blue/green strategy: the form before canaries. */
    public EnvironmentSettings(String app, String dockerHost, int containerPort, String healthPath, Duration healthTimeout,
            Path haproxySocket, String haproxyBackend, boolean manualPromotion, Duration keepPrevious, boolean readOnly,
            List<String> writablePaths, boolean requireSignature, String publicKey, String haproxyTcp, Boolean dockerTlsVerify,
            Path dockerCertPath) {
        this(app, dockerHost, containerPort, healthPath, healthTimeout, haproxySocket, haproxyBackend, manualPromotion,
                keepPrevious, readOnly, writablePaths, requireSignature, publicKey, haproxyTcp, dockerTlsVerify, dockerCertPath, null);
    }

    /** {@code blue-green} or {@code canary}. */
    public String strategy() {
        return canary == null ? BLUE_GREEN : CANARY;
    }

    public static final String BLUE_GREEN = "blue-green";
    public static final String CANARY = "canary";

    /** Settings with a unix socket (or none), the process environment's Docker TLS and no signature policy: the form before
     * remote endpoints and signing. */
    public EnvironmentSettings(String app, String dockerHost, int containerPort, String healthPath, Duration healthTimeout,
            Path haproxySocket, String haproxyBackend, boolean manualPromotion, Duration keepPrevious, boolean readOnly,
            List<String> writablePaths) {
        this(app, dockerHost, containerPort, healthPath, healthTimeout, haproxySocket, haproxyBackend, manualPromotion,
                keepPrevious, readOnly, writablePaths, false, null, null, null, null);
    }

    /** Where HAProxy's runtime API answers (a unix socket or TCP), or {@code null} when neither is set. */
    public HaproxyAddress router() {
        return haproxyTcp != null ? HaproxyAddress.parse(haproxyTcp) : haproxySocket != null ? HaproxyAddress.unix(haproxySocket) : null;
    }

    /** These settings with HAProxy at {@code router}, a unix socket or a TCP address. */
    public EnvironmentSettings withRouter(HaproxyAddress router) {
        return new EnvironmentSettings(app, dockerHost, containerPort, healthPath, healthTimeout,
                router == null || router.isTcp() ? null : router.socket(), haproxyBackend, manualPromotion, keepPrevious, readOnly,
                writablePaths, requireSignature, publicKey, router != null && router.isTcp() ? router.toString() : null,
                dockerTlsVerify, dockerCertPath, canary, platform, replicas);
    }

    /** These settings with the Docker host reached with this TLS ({@code null}s: the process environment's). */
    public EnvironmentSettings withDockerTls(Boolean verify, Path certPath) {
        return new EnvironmentSettings(app, dockerHost, containerPort, healthPath, healthTimeout, haproxySocket, haproxyBackend,
                manualPromotion, keepPrevious, readOnly, writablePaths, requireSignature, publicKey, haproxyTcp, verify, certPath,
                canary, platform, replicas);
    }

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HEALTH_PATH = "/";
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(60);
    public static final String DEFAULT_BACKEND = "app";
    public static final Duration DEFAULT_KEEP_PREVIOUS = Duration.ofHours(24);
}
