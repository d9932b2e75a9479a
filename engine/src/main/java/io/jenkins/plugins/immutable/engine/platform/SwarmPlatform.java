package io.jenkins.plugins.immutable.engine.platform;

import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.docker.ContainerSpec;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.docker.Replica;
import io.jenkins.plugins.immutable.engine.docker.SwarmGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Docker Swarm: a colour is a service {@code <app>-<env>-<colour>} of N replicas running the release by digest,
 * published in host mode on a port each node picks (dynamic, so replicas on one node and the two colours never collide),
 * endpoint mode dnsrr (no VIP, no ingress mesh). The router reaches each replica at its node's address and its task's
 * published port. A new colour is always a new service, never an update of a running one; the only update is the
 * health-gate label on the service itself, which replaces no task. The lock is a config (see {@link DockerHostLock}).
 */
public final class SwarmPlatform implements Platform {

    private static final Duration POLL = Duration.ofMillis(250);

    private final DockerGateway manager;
    private final SwarmGateway swarm;
    private final int replicas;

    public SwarmPlatform(DockerGateway manager, SwarmGateway swarm, int replicas) {
        this.manager = manager;
        this.swarm = swarm;
        this.replicas = replicas;
    }

    @Override
    public String kind() {
        return EnvironmentSettings.SWARM;
    }

    @Override
    public String where() {
        return "the Swarm of " + swarm.host();
    }

    @Override
    public DockerGateway docker() {
        return manager;
    }

    /** Creates the service, then waits until all its replicas run with a published port; a task that fails ends the wait. */
    @Override
    public ContainerInfo start(ContainerSpec spec, RegistryCredentials credentials, Duration timeout) throws ReleaseException {
        swarm.createService(spec, replicas, credentials);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ContainerInfo> info = swarm.inspectService(spec.name());
            if (info.isEmpty()) {
                throw new ReleaseException(Kind.FAILED_SAFELY, "Service " + spec.name() + " disappeared from " + where()
                        + " while its replicas were starting");
            }
            if (info.get().running() && info.get().endpoints().size() == replicas) {
                return info.get();
            }
            String errors = swarm.taskErrors(spec.name());
            // A node that cannot pull keeps failing the same way: say so at once rather than wait out the timeout.
            boolean cannotPull = errors.contains("No such image") || errors.contains("pull access denied");
            if (System.nanoTime() - deadline >= 0 || cannotPull) {
                String what = cannotPull
                        ? "could not be pulled by its nodes (a private registry needs the deploy's registry credentials, and every"
                                + " node must reach the registry's address)"
                        : "did not get " + replicas + " running replicas within " + timeout.toSeconds() + "s";
                throw new ReleaseException(Kind.FAILED_SAFELY, "Service " + spec.name() + " on " + where() + " " + what + " ("
                        + describe(info.get()) + ")" + (errors.isEmpty() ? "" : "; task errors: " + errors));
            }
            sleep();
        }
    }

    @Override
    public void markHealthy(String name, RegistryCredentials credentials) throws ReleaseException {
        swarm.labelService(name, ContainerInfo.HEALTH_GATE_PASSED, "passed", credentials);
    }

    @Override
    public Optional<ContainerInfo> inspect(String name) throws ReleaseException {
        return swarm.inspectService(name);
    }

    @Override
    public List<ContainerInfo> listLabelled(String key, String value) throws ReleaseException {
        return swarm.listServices(key, value);
    }

    @Override
    public void remove(String name) throws ReleaseException {
        swarm.removeService(name);
    }

    @Override
    public String whyStopped(String name) throws ReleaseException {
        Optional<ContainerInfo> info = swarm.inspectService(name);
        String errors = swarm.taskErrors(name);
        return info.map(SwarmPlatform::describe).orElse("the service is gone") + (errors.isEmpty() ? "" : "; task errors: " + errors);
    }

    @Override
    public DockerHostLock lock(String environment, String operation, String host, long pid, Duration lease, Clock clock)
            throws ReleaseException {
        return DockerHostLock.acquireOnSwarm(swarm, environment, operation, host, pid, lease, clock);
    }

    /** {@code 2/3 running: node-1 10.98.0.2:30001 running, node-2 - preparing}, for messages. */
    public static String describe(ContainerInfo service) {
        return service.replicaSummary() + (service.replicas().isEmpty() ? "" : ": "
                + service.replicas().stream().map(Replica::describe).collect(Collectors.joining(", ")));
    }

    private static void sleep() throws ReleaseException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(Kind.FAILED_SAFELY, "Interrupted while waiting for a service's replicas", e);
        }
    }
}
