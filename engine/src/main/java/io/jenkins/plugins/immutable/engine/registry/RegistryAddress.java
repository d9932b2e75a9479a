package io.jenkins.plugins.immutable.engine.registry;

import java.net.URI;

/**
 * Where a registry's HTTP API is. Loopback registries speak plain HTTP (as the Docker daemon trusts them without
 * TLS); every other registry is reached over HTTPS. Docker Hub's API lives at {@code registry-1.docker.io}.
 */
final class RegistryAddress {

    private RegistryAddress() {
    }

    static URI base(String registry) {
        String host = registry.equals("docker.io") || registry.equals("index.docker.io") ? "registry-1.docker.io" : registry;
        return URI.create((isLoopback(host) ? "http://" : "https://") + host);
    }

    static boolean isLoopback(String hostAndPort) {
        String host = hostAndPort.startsWith("[") ? hostAndPort.substring(1, hostAndPort.indexOf(']'))
                : hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.lastIndexOf(':')) : hostAndPort;
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}
