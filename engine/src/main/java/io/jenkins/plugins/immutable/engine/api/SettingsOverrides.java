package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The environment settings a deploy was given; {@code null} fields keep the stored (or default) value. HAProxy's address
 * is {@code haproxySocket} (a unix socket) or {@code haproxyTcp} ({@code tcp://HOST:PORT}); giving either replaces the
 * stored one. {@code dockerTlsVerify} and {@code dockerCertPath} are the Docker host's TLS ({@code --docker-tls-verify},
 * {@code --docker-cert-path}). {@code strategy} ({@code blue-green} or {@code canary}) with {@code canary} (its settings,
 * complete) replaces the stored strategy; {@code null} keeps it. {@code canaryFields} are a canary's settings given one by
 * one ({@link CanaryOverrides}): each replaces only its field of the stored canary (or of the defaults, or of {@code canary}
 * when that is given too); {@code null} gives none. They need a canary: {@code strategy canary}, or a stored one.
 * {@code platform} ({@code docker} or {@code swarm}) and {@code replicas} (Swarm only) replace the stored ones;
 * {@code null} keeps them.
 */
public record SettingsOverrides(String app, String dockerHost, Integer containerPort, String healthPath, Duration healthTimeout,
        Path haproxySocket, String haproxyBackend, Boolean manualPromotion, Duration keepPrevious, Boolean readOnly, List<String> writablePaths,
        Boolean requireSignature, String publicKey, String haproxyTcp, Boolean dockerTlsVerify, Path dockerCertPath,
        String strategy, CanarySettings canary, CanaryOverrides canaryFields, String platform, Integer replicas)
        implements Serializable {

    public static final SettingsOverrides NONE = new SettingsOverrides(null, null, null, null, null, null, null, null, null, null,
            null);

    public SettingsOverrides {
        writablePaths = writablePaths == null ? null : List.copyOf(writablePaths);
    }

    /** Overrides that leave the signature policy, the TCP router and the Docker TLS as stored. */
    public SettingsOverrides(String app, String dockerHost, Integer containerPort, String healthPath, Duration healthTimeout,
            Path haproxySocket, String haproxyBackend, Boolean manualPromotion, Duration keepPrevious, Boolean readOnly,
            List<String> writablePaths) {
        this(app, dockerHost, containerPort, healthPath, healthTimeout, haproxySocket, haproxyBackend, manualPromotion,
                keepPrevious, readOnly, writablePaths, null, null, null, null, null);
    }

    /** Overrides that leave the strategy as stored: the form before canaries. */
    public SettingsOverrides(String app, String dockerHost, Integer containerPort, String healthPath, Duration healthTimeout,
            Path haproxySocket, String haproxyBackend, Boolean manualPromotion, Duration keepPrevious, Boolean readOnly,
            List<String> writablePaths, Boolean requireSignature, String publicKey, String haproxyTcp, Boolean dockerTlsVerify,
            Path dockerCertPath) {
        this(app, dockerHost, containerPort, healthPath, healthTimeout, haproxySocket, haproxyBackend, manualPromotion,
                keepPrevious, readOnly, writablePaths, requireSignature, publicKey, haproxyTcp, dockerTlsVerify, dockerCertPath,
                null, null);
    }

    /** Overrides with a canary's settings complete or not at all: the form before they could be given field by field. */
    public SettingsOverrides(String app, String dockerHost, Integer containerPort, String healthPath, Duration healthTimeout,
            Path haproxySocket, String haproxyBackend, Boolean manualPromotion, Duration keepPrevious, Boolean readOnly,
            List<String> writablePaths, Boolean requireSignature, String publicKey, String haproxyTcp, Boolean dockerTlsVerify,
            Path dockerCertPath, String strategy, CanarySettings canary) {
        this(app, dockerHost, containerPort, healthPath, healthTimeout, haproxySocket, haproxyBackend, manualPromotion,
                keepPrevious, readOnly, writablePaths, requireSignature, publicKey, haproxyTcp, dockerTlsVerify, dockerCertPath,
                strategy, canary, null, null, null);
    }

    /** Overrides that leave the platform as stored: the form before platforms. */
    public SettingsOverrides(String app, String dockerHost, Integer containerPort, String healthPath, Duration healthTimeout,
            Path haproxySocket, String haproxyBackend, Boolean manualPromotion, Duration keepPrevious, Boolean readOnly,
            List<String> writablePaths, Boolean requireSignature, String publicKey, String haproxyTcp, Boolean dockerTlsVerify,
            Path dockerCertPath, String strategy, CanarySettings canary, CanaryOverrides canaryFields) {
        this(app, dockerHost, containerPort, healthPath, healthTimeout, haproxySocket, haproxyBackend, manualPromotion,
                keepPrevious, readOnly, writablePaths, requireSignature, publicKey, haproxyTcp, dockerTlsVerify, dockerCertPath,
                strategy, canary, canaryFields, null, null);
    }

    /** The HAProxy address this deploy was given, or {@code null}. */
    public HaproxyAddress router() {
        return haproxyTcp != null ? HaproxyAddress.parse(haproxyTcp) : haproxySocket != null ? HaproxyAddress.unix(haproxySocket) : null;
    }
}
