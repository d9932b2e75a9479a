package io.jenkins.plugins.immutable.cli;

import java.util.Map;

/**
 * The engine names a bad field by its own name ({@code buildArgs}); people typed a flag ({@code --build-arg}).
 * Messages show the flag.
 */
final class Flags {

    private static final Map<String, String> BY_FIELD = Map.ofEntries(
            Map.entry("image", "--image"),
            Map.entry("context", "--context"),
            Map.entry("dockerfile", "--file"),
            Map.entry("buildArgs", "--build-arg"),
            Map.entry("secretBuildArgs", "--secret-build-arg"),
            Map.entry("labels", "--label"),
            Map.entry("sourceUri", "--source-uri"),
            Map.entry("sourceRevision", "--source-revision"),
            Map.entry("outputDir", "--out"),
            Map.entry("environment", "--env"),
            Map.entry("ref", "--ref"),
            Map.entry("app", "--app"),
            Map.entry("port", "--port"),
            Map.entry("containerPort", "--port"),
            Map.entry("healthPath", "--health-path"),
            Map.entry("healthTimeout", "--health-timeout"),
            Map.entry("haproxySocket", "--haproxy-socket"),
            Map.entry("haproxyBackend", "--haproxy-backend"),
            Map.entry("manualPromotion", "--manual-promotion"),
            Map.entry("keepPrevious", "--keep-previous"),
            Map.entry("readOnly", "--read-only"),
            Map.entry("writablePath", "--writable-path"),
            Map.entry("writablePaths", "--writable-path"),
            Map.entry("dockerHost", "--docker-host"),
            Map.entry("dockerTlsVerify", "--docker-tls-verify"),
            Map.entry("dockerCertPath", "--docker-cert-path"),
            Map.entry("toRelease", "--to"),
            Map.entry("toReleaseId", "--to"),
            Map.entry("toDigest", "--to-digest"),
            Map.entry("provenance", "--provenance"),
            Map.entry("out", "--out"),
            Map.entry("signingKey", "--sign-key"),
            Map.entry("publicKey", "--public-key"),
            Map.entry("builderId", "--builder-id"),
            Map.entry("requireSignature", "--require-signature"),
            Map.entry("state", "--state"),
            Map.entry("strategy", "--strategy"),
            Map.entry("canarySteps", "--canary-steps"),
            Map.entry("canaryInterval", "--canary-interval"),
            Map.entry("maxErrorRate", "--max-error-rate"),
            Map.entry("maxP99", "--max-p99"),
            Map.entry("minRequests", "--min-requests"),
            Map.entry("platform", "--platform"),
            Map.entry("replicas", "--replicas"));

    private Flags() {
    }

    /** The flag for an engine field; a field without a flag (such as {@code builderId}) keeps its name. */
    static String forField(String field) {
        return BY_FIELD.getOrDefault(field, field);
    }
}
