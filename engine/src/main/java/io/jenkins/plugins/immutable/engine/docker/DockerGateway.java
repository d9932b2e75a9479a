package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageName;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the engine asks of a Docker daemon. One small interface of our own over docker-java, so that every failure
 * says what was attempted against which daemon ("Tried to push … but failed because …"), and so stages can be
 * tested on their own.
 */
public interface DockerGateway extends AutoCloseable {

    /** The daemon's address, as used in messages. */
    String host();


    /** Builds an image, streaming the daemon's output lines to {@code log}; returns the image id. */
    String build(BuildSpec spec, Consumer<String> log) throws ReleaseException;

    /** Pushes {@code name} (with its tag) and returns the manifest digest the registry reported. */
    Digest push(ImageName name, RegistryCredentials credentials, Consumer<String> log) throws ReleaseException;

    /** The repo digests ({@code repo@sha256:…}) the daemon knows for a local image, or empty when it has none. */
    List<String> repoDigests(String image) throws ReleaseException;


    /**
     * Creates and starts a container. Pulls the image when the daemon does not hold it. Never removes anything: a
     * container of the same name makes it fail (the caller decides, from the router, whether that one may go).
     */
    ContainerInfo run(ContainerSpec spec, RegistryCredentials credentials) throws ReleaseException;

    /**
     * Lets the daemon restart the container after a crash or a daemon restart. Set only once it passed its health
     * check: before that, a crash must stay visible as a crash.
     */
    void keepRunning(String name) throws ReleaseException;

    /** The container of that name, if it exists. */
    Optional<ContainerInfo> inspect(String name) throws ReleaseException;

    /** Every container, running or not, whose label {@code key} has {@code value}. */
    List<ContainerInfo> listLabelled(String key, String value) throws ReleaseException;

    /**
     * Creates a container that is never started, as a lock: the daemon gives a name to one container only, so of two
     * callers racing for the same name exactly one succeeds. Its image is a tiny empty one the gateway imports once.
     *
     * @return its id, or empty when a container of that name already exists
     */
    Optional<String> createLockObject(String name, Map<String, String> labels) throws ReleaseException;

    /** Renames a container; {@code false} when it no longer exists. */
    boolean rename(String idOrName, String newName) throws ReleaseException;

    /** Removes the container of that name (stopping it first); no error when there is none. */
    void remove(String name) throws ReleaseException;

    /** The last lines of a container's output, for messages about why it stopped. */
    String logTail(String name, int lines) throws ReleaseException;


    // Drift: what a container was created with and what changed in it since. Kept together here, at the end.

    /**
     * The paths the daemon reports changed (added, changed or deleted) in the container's filesystem since it was
     * created ({@code GET /containers/{id}/changes}); tmpfs mounts are not part of it.
     */
    List<String> changedPaths(String container) throws ReleaseException;

    /** The container's configuration and state, if it exists. */
    Optional<ContainerDetails> details(String container) throws ReleaseException;

    /** The configuration of an image the daemon holds ({@code repo@sha256:…} or an id), if it holds it. */
    Optional<ImageConfig> imageConfig(String image) throws ReleaseException;

    /** The same daemon as a Swarm manager (services, tasks, configs), when the gateway can speak to one. */
    default Optional<SwarmGateway> swarm() {
        return Optional.empty();
    }

    @Override
    void close();
}
