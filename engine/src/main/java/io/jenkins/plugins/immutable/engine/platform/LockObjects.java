package io.jenkins.plugins.immutable.engine.platform;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.docker.SwarmGateway;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects an environment lock is made of, on a target whose store gives a name to one object only: never-started
 * containers on one Docker host, configs on a Swarm (held in the managers' Raft store, so the name is unique
 * cluster-wide). Each object has an id, a name and labels that never change.
 */
interface LockObjects {

    /** Where the objects live, for messages. */
    String where();

    /** Creates the object; empty when one of that name exists. */
    Optional<String> create(String name, Map<String, String> labels) throws ReleaseException;

    Optional<ContainerInfo> inspect(String name) throws ReleaseException;

    List<ContainerInfo> listLabelled(String key, String value) throws ReleaseException;

    void remove(String id) throws ReleaseException;

    /**
     * Gives the beat a new name (its renewal time) and returns the beat's id afterwards: a container is renamed in place;
     * a config cannot be renamed, so a new one is created and the old one removed.
     */
    String renew(String beatId, String newName, Map<String, String> labels) throws ReleaseException;

    static LockObjects containers(DockerGateway docker) {
        return new LockObjects() {
            @Override
            public String where() {
                return docker.host();
            }

            @Override
            public Optional<String> create(String name, Map<String, String> labels) throws ReleaseException {
                return docker.createLockObject(name, labels);
            }

            @Override
            public Optional<ContainerInfo> inspect(String name) throws ReleaseException {
                return docker.inspect(name);
            }

            @Override
            public List<ContainerInfo> listLabelled(String key, String value) throws ReleaseException {
                return docker.listLabelled(key, value);
            }

            @Override
            public void remove(String id) throws ReleaseException {
                docker.remove(id);
            }

            @Override
            public String renew(String beatId, String newName, Map<String, String> labels) throws ReleaseException {
                docker.rename(beatId, newName);
                return beatId;
            }
        };
    }

    static LockObjects configs(SwarmGateway swarm) {
        return new LockObjects() {
            @Override
            public String where() {
                return "the Swarm of " + swarm.host();
            }

            @Override
            public Optional<String> create(String name, Map<String, String> labels) throws ReleaseException {
                return swarm.createConfig(name, labels);
            }

            @Override
            public Optional<ContainerInfo> inspect(String name) throws ReleaseException {
                return swarm.inspectConfig(name);
            }

            @Override
            public List<ContainerInfo> listLabelled(String key, String value) throws ReleaseException {
                return swarm.listConfigs(key, value);
            }

            @Override
            public void remove(String id) throws ReleaseException {
                swarm.removeConfig(id);
            }

            @Override
            public String renew(String beatId, String newName, Map<String, String> labels) throws ReleaseException {
                // New beat first, then the old one goes: a reader always finds a beat at least as new as the last.
                Optional<String> fresh = swarm.createConfig(newName, labels);
                if (fresh.isEmpty()) {
                    return beatId;
                }
                swarm.removeConfig(beatId);
                return fresh.get();
            }
        };
    }
}
