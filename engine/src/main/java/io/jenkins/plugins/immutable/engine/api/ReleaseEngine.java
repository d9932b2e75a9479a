package io.jenkins.plugins.immutable.engine.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds releases once, deploys them by digest blue/green, and rolls back by digest. Open one with
 * {@code io.jenkins.plugins.immutable.engine.ReleaseEngines.open(EngineConfig)}; every method reports progress as
 * {@link EngineEvent}s to the configured handlers and fails with a {@link ReleaseException} whose message says what
 * failed, why, and what to do.
 */
public interface ReleaseEngine extends AutoCloseable {

    /** The digest of the request's canonical inputs, without building anything. */
    Digest inputDigest(BuildRequest request) throws ReleaseException;

    /**
     * Builds, pushes and records a release, or returns the recorded release with the same input digest
     * ({@code reused}) while the registry still serves its image.
     */
    BuildResult build(BuildRequest request) throws ReleaseException;

    /**
     * Starts the release in the environment's idle colour, waits for its health check and (unless the environment
     * promotes manually) moves traffic to it. On failure the new colour is removed and traffic stays where it was.
     */
    EnvironmentView deploy(DeployRequest request) throws ReleaseException;

    /** Moves traffic to the healthy colour waiting for promotion. */
    EnvironmentView promote(String environment) throws ReleaseException;

    /** Removes the colour waiting for promotion; traffic never moved to it. */
    EnvironmentView abort(String environment) throws ReleaseException;

    /** Puts an earlier release back: a router switch when its colour is warm, else a deploy of its digest. */
    EnvironmentView rollback(RollbackRequest request) throws ReleaseException;

    /** The environment as the ledger records it, checked against the router and the containers. */
    /**
     * The settings stored with an environment (or, when this ledger never heard of it, read from its colours' labels on
     * the target), such as {@code immutable router-config --env} prints the router's section for.
     */
    default EnvironmentSettings settings(String environment) throws ReleaseException {
        throw new UnsupportedOperationException("settings");
    }

    EnvironmentView status(String environment) throws ReleaseException;

    /** Every recorded release, newest first, with where each runs now. */
    List<ReleaseListing> releases() throws ReleaseException;

    /**
     * The same as {@link #releases()}, newest {@code created} first, one at a time, so that printing 100,000 of them
     * never holds them all. The default reads the list.
     */
    default void eachRelease(java.util.function.Consumer<ReleaseListing> sink) throws ReleaseException {
        List<ReleaseListing> all = new java.util.ArrayList<>(releases());
        all.sort(java.util.Comparator.comparing((ReleaseListing l) -> l.release().created()).reversed());
        all.forEach(sink);
    }

    /**
     * The same as {@link #eachRelease}, in the same order, each release handed over as the ledger stored it when it can
     * be ({@link StoredRelease}): what {@code releases --output json} copies into its output. The default hands over
     * records.
     */
    default void eachReleaseRow(ReleaseRowSink sink) throws ReleaseException {
        List<ReleaseListing> all = new java.util.ArrayList<>();
        eachRelease(all::add);
        for (ReleaseListing listing : all) {
            sink.bound(listing);
        }
    }

    /** An environment's deployment history, newest first. */
    List<DeploymentRecord> history(String environment) throws ReleaseException;

    /** Checks a provenance statement against an image reference and the registry. */
    VerifyResult verify(ImageRef ref, Path provenance) throws ReleaseException;

    /**
     * Fetches the image's signed provenance from the registry (cosign's layout: the tag {@code sha256-<hex>.att}) and
     * checks its signature with {@code publicKeyPem}, that its subject is the ref's digest, its predicate type, and
     * (when given) its builder id.
     *
     * @param builderId the builder id the provenance must name, or {@code null} to accept any
     */
    VerifyResult verifyAttestation(ImageRef ref, String publicKeyPem, String builderId) throws ReleaseException;

    /**
     * Compares what runs in an environment (files changed since start, image, configuration, unknown labelled
     * containers) and the router (address, port, weight, state) with what the engine started and set. With
     * {@code repair}, each drifted colour is replaced by a fresh container of the same recorded digest through the
     * health-gated path (never patched, never kept warm), the router is set back, and unknown containers that take no
     * traffic are removed; the report then holds what was found again afterwards.
     *
     * @param credentials registry credentials for pulling the recorded digests during a repair, or {@code null}
     */
    DriftReport drift(String environment, boolean repair, RegistryCredentials credentials) throws ReleaseException;

    @Override
    void close();
}
