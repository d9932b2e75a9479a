package io.jenkins.plugins.immutable.engine.api;

/**
 * Put an earlier release back. With neither {@code toReleaseId} nor {@code toDigest}: the release that was active
 * before the current one (or, when a release waits for promotion, the environment as it was before it).
 *
 * @param credentials for pulling the image when the rollback has to redeploy it, or {@code null} for
 *                    {@code ~/.docker/config.json}
 */
public record RollbackRequest(String environment, String toReleaseId, Digest toDigest, RegistryCredentials credentials) {

    /**
     * Validates the fields ({@code environment}, {@code toRelease}, {@code toDigest}) and reports every problem.
     *
     * @param toReleaseId a release id, or {@code null}
     * @param toDigest    {@code sha256:<64 hex>} (or the bare hex), or {@code null}
     */
    public static RollbackRequest of(String environment, String toReleaseId, String toDigest) throws InvalidInputException {
        Problems problems = new Problems();
        if (environment == null || environment.isBlank()) {
            problems.add("environment", "missing: expected the environment's name, such as staging");
        } else if (!Names.valid(environment.strip())) {
            problems.add("environment", "'" + environment + "' is not a valid name: " + Names.expected());
        }
        String release = toReleaseId == null || toReleaseId.isBlank() ? null : toReleaseId.strip();
        Digest digest = toDigest == null || toDigest.isBlank() ? null : problems.parse("toDigest", toDigest, Digest::parseLenient);
        if (release != null && toDigest != null && !toDigest.isBlank()) {
            problems.add("toRelease", "give a release id or a digest, not both");
        }
        problems.throwIfAny();
        return new RollbackRequest(environment.strip(), release, digest, null);
    }

    /** The same request with registry credentials for a pull. */
    public RollbackRequest withCredentials(RegistryCredentials given) {
        return new RollbackRequest(environment, toReleaseId, toDigest, given);
    }
}
