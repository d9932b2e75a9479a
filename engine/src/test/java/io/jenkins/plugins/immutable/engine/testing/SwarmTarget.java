package io.jenkins.plugins.immutable.engine.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import java.util.List;

/**
 * The Swarm the Swarm tests deploy to: a manager's Docker host and the registry address its nodes pull from. Without
 * one the tests fail, saying how to start it; they are never skipped.
 */
public final class SwarmTarget {

    private static SwarmTarget instance;

    private final String managerHost;
    private final String nodeRegistry;

    private SwarmTarget(String managerHost, String nodeRegistry) {
        this.managerHost = managerHost;
        this.nodeRegistry = nodeRegistry;
    }

    public static synchronized SwarmTarget get() {
        if (instance == null) {
            TestServices services = TestServices.get();
            String host = System.getenv().getOrDefault("IMMUTABLE_SWARM_DOCKER_HOST", services.dockerHost());
            String registry = System.getenv().getOrDefault("IMMUTABLE_SWARM_REGISTRY", services.registry());
            try (DockerClient docker = SwarmFixture.client(host)) {
                var swarm = docker.infoCmd().exec().getSwarm();
                if (swarm == null || !Boolean.TRUE.equals(swarm.getControlAvailable())) {
                    throw new IllegalStateException("The Docker host " + host + " is no Swarm manager. Start the test cluster"
                            + " with 'scripts/cluster start' and 'eval \"$(scripts/cluster env)\"' (or 'docker swarm init"
                            + " --advertise-addr 127.0.0.1' on the services' daemon for one node).");
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            instance = new SwarmTarget(host, registry);
        }
        return instance;
    }

    public String managerHost() {
        return managerHost;
    }

    /** The same image as the nodes pull it: the registry's address they reach, same repository and digest. */
    public ImageRef asNodesPull(ImageRef built) {
        String ref = built.toString();
        return ImageRef.parse(nodeRegistry + ref.substring(ref.indexOf('/')));
    }

    /** The names of the services whose name starts with {@code prefix}. */
    public List<String> services(String prefix) {
        try (DockerClient docker = SwarmFixture.client(managerHost)) {
            return docker.listServicesCmd().exec().stream().map(s -> s.getSpec().getName()).filter(n -> n.startsWith(prefix))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes what a test left: its services, and the lock configs of its environment. */
    public void removeServices(String prefix) {
        try (DockerClient docker = SwarmFixture.client(managerHost)) {
            for (Service service : docker.listServicesCmd().exec()) {
                if (service.getSpec().getName().startsWith(prefix)) {
                    docker.removeServiceCmd(service.getId()).exec();
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
