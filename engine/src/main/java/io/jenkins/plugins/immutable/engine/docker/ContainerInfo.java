package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * A colour's object on the target as the daemon reports it: a container on one Docker host, or a Swarm service with its
 * tasks.
 *
 * @param id       the container (or service) id
 * @param name     its name without the leading slash
 * @param running  whether it runs now: the container runs, or every desired replica of the service runs
 * @param exitCode its exit code when it has stopped
 * @param hostPort the loopback port its container port is published on, or 0 (a service: its first replica's port)
 * @param image    the image reference it was created from
 * @param labels   its labels
 * @param restartPolicy its restart policy's name ({@code no}, {@code unless-stopped}, …): the engine sets
 *                 {@code unless-stopped} only once a colour passed its health gate; a service that passed carries
 *                 {@link #HEALTH_GATE_PASSED} instead and reads as {@code unless-stopped}
 * @param replicas its replicas: the container itself, or the service's current tasks
 * @param desired  how many replicas should run
 */
public record ContainerInfo(String id, String name, boolean running, int exitCode, int hostPort, String image,
        Map<String, String> labels, String restartPolicy, List<Replica> replicas, int desired) {

    /** The label a Swarm service gets once it passed its health gate (a service's restart policy cannot change in place). */
    public static final String HEALTH_GATE_PASSED = "io.jenkins.plugins.immutable-release.health-gate";

    /** Whether the engine let the daemon keep it running, which it does only after the health gate passed. */
    public boolean passedHealthGate() {
        return "unless-stopped".equals(restartPolicy) || "always".equals(restartPolicy);
    }

    public ContainerInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
    }

    /** A container on one Docker host: one replica, published on loopback. */
    public ContainerInfo(String id, String name, boolean running, int exitCode, int hostPort, String image, Map<String, String> labels,
            String restartPolicy) {
        this(id, name, running, exitCode, hostPort, image, labels, restartPolicy,
                List.of(new Replica(id, "local", hostPort > 0 ? Endpoint.loopback(hostPort) : null, running ? Replica.RUNNING : "exited")),
                1);
    }

    /** Where the router reaches its running replicas. */
    public List<Endpoint> endpoints() {
        return replicas.stream().filter(Replica::running).map(Replica::endpoint).toList();
    }

    /** {@code 3/3 running}, for status. */
    public String replicaSummary() {
        return replicas.stream().filter(Replica::running).count() + "/" + desired + " running";
    }
}
