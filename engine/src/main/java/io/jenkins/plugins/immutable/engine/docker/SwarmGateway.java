package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine asks of a Swarm manager: services (a colour each), their tasks, and configs (the environment lock).
 * A service and its tasks read back as a {@link ContainerInfo} whose replicas are the tasks, each with the node it runs
 * on and where the router reaches it (the node's address and the task's published port).
 */
public interface SwarmGateway {

    /** The manager's address, as used in messages. */
    String host();

    /**
     * Creates a service of {@code replicas} tasks from {@code spec} (image by digest, labels on the service and on every
     * task's container, the container port published in host mode on a port each node picks, endpoint mode dnsrr). The
     * credentials go as {@code X-Registry-Auth}, so every node can pull from a private registry.
     */
    void createService(ContainerSpec spec, int replicas, RegistryCredentials credentials) throws ReleaseException;

    /** The service of that name with its current tasks, if it exists. */
    Optional<ContainerInfo> inspectService(String name) throws ReleaseException;

    /** Every service whose label {@code key} has {@code value}. */
    List<ContainerInfo> listServices(String key, String value) throws ReleaseException;

    /**
     * Adds a label to the service itself (not to its task template, so no task is replaced), sending the credentials
     * again as {@code X-Registry-Auth} so the service keeps pulling with them.
     */
    void labelService(String name, String key, String value, RegistryCredentials credentials) throws ReleaseException;

    /** Removes the service (its tasks stop); no error when there is none. */
    void removeService(String name) throws ReleaseException;

    /** Why its tasks stopped, as the manager reports (task errors), for messages. */
    String taskErrors(String name) throws ReleaseException;

    /**
     * Creates a config (its data is its name): the manager gives a name to one config only, so of two callers racing for one name
     * exactly one succeeds, cluster-wide.
     *
     * @return its id, or empty when a config of that name exists
     */
    Optional<String> createConfig(String name, Map<String, String> labels) throws ReleaseException;

    /** The config of exactly that name (id, name, labels), if it exists. */
    Optional<ContainerInfo> inspectConfig(String name) throws ReleaseException;

    /** Every config whose label {@code key} has {@code value}. */
    List<ContainerInfo> listConfigs(String key, String value) throws ReleaseException;

    /** Removes a config by id or name; no error when there is none. */
    void removeConfig(String idOrName) throws ReleaseException;
}
