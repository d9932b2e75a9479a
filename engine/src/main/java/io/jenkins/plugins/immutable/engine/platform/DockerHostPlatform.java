package io.jenkins.plugins.immutable.engine.platform;

import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.docker.ContainerSpec;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One Docker host: a colour is one container, published on loopback; the lock is a never-started container. */
public final class DockerHostPlatform implements Platform {

    private final DockerGateway docker;

    public DockerHostPlatform(DockerGateway docker) {
        this.docker = docker;
    }

    @Override
    public String kind() {
        return EnvironmentSettings.DOCKER;
    }

    @Override
    public String where() {
        return docker.host();
    }

    @Override
    public DockerGateway docker() {
        return docker;
    }

    @Override
    public ContainerInfo start(ContainerSpec spec, RegistryCredentials credentials, Duration timeout) throws ReleaseException {
        return docker.run(spec, credentials);
    }

    @Override
    public void markHealthy(String name, RegistryCredentials credentials) throws ReleaseException {
        docker.keepRunning(name);
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
    public void remove(String name) throws ReleaseException {
        docker.remove(name);
    }

    @Override
    public String whyStopped(String name) throws ReleaseException {
        return docker.logTail(name, 5);
    }

    @Override
    public DockerHostLock lock(String environment, String operation, String host, long pid, Duration lease, Clock clock)
            throws ReleaseException {
        return DockerHostLock.acquire(docker, environment, operation, host, pid, lease, clock);
    }
}
