package io.jenkins.plugins.immutable.engine.platform;

import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.docker.ContainerSpec;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.docker.SwarmGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where an environment's colours run, as the flows need it: start a colour of a release (its endpoints, one per
 * replica, come back with it), read a colour by name, list what carries the environment's labels, remove a colour,
 * and the environment lock that lives with the target. Blue/green, rollback, status and drift are written once against
 * this; {@link DockerHostPlatform} runs a colour as one container, {@link SwarmPlatform} as a Swarm service.
 */
public interface Platform {

    /** {@code docker} or {@code swarm}. */
    String kind();

    /** Where the colours run, for messages: the Docker host, or the Swarm manager. */
    String where();

    /** The daemon itself (the Docker host, or the Swarm manager): for the never-started marker objects. */
    DockerGateway docker();

    /**
     * Starts a colour and waits until every replica runs and publishes its port, for up to {@code timeout}. Never
     * removes anything: an object of the same name makes it fail.
     *
     * @return the colour as it runs, with its replicas' endpoints
     */
    ContainerInfo start(ContainerSpec spec, RegistryCredentials credentials, Duration timeout) throws ReleaseException;

    /**
     * Marks a colour as having passed its health gate, so a later reader knows it is no interrupted start (a
     * container's restart policy becomes {@code unless-stopped}; a service gets a label).
     */
    void markHealthy(String name, RegistryCredentials credentials) throws ReleaseException;

    /** The colour of that name, if it exists. */
    Optional<ContainerInfo> inspect(String name) throws ReleaseException;

    /** Every colour object whose label {@code key} has {@code value}. */
    List<ContainerInfo> listLabelled(String key, String value) throws ReleaseException;

    /** Removes the colour of that name; no error when there is none. Callers check the router first. */
    void remove(String name) throws ReleaseException;

    /** Why a colour stopped (a container's last output, a service's task errors), for messages. */
    String whyStopped(String name) throws ReleaseException;

    /** Takes the environment's lock on the target, taking over a dead holder's, or fails at once naming the live holder. */
    DockerHostLock lock(String environment, String operation, String host, long pid, Duration lease, Clock clock)
            throws ReleaseException;

    /** The platform an environment's settings name, on its Docker host (or Swarm manager). */
    static Platform of(EnvironmentSettings settings, DockerGateway docker) throws ReleaseException {
        if (!settings.onSwarm()) {
            return new DockerHostPlatform(docker);
        }
        SwarmGateway swarm = docker.swarm().orElseThrow(() -> new ReleaseException(ReleaseException.Kind.BAD_INPUT,
                "The Docker host " + docker.host() + " cannot be spoken to as a Swarm manager: expected --platform docker there"));
        return new SwarmPlatform(docker, swarm, settings.replicaCount());
    }
}
