package io.jenkins.plugins.immutable.engine.registry;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a registry's HTTP API is. Loopback registries speak plain HTTP (as the Docker daemon trusts them without
 * TLS), and so do the registries named in {@value #INSECURE_VARIABLE} (comma-separated {@code HOST:PORT}, the engine's
 * counterpart of dockerd's {@code --insecure-registry}, e.g. a Swarm's registry on a private bridge that every node
 * trusts); every other registry is reached over HTTPS. Docker Hub's API lives at {@code registry-1.docker.io}.
 */
final class RegistryAddress {

    /** The environment variable (or system property {@code immutable.insecureRegistries}) naming plain-HTTP registries. */
    static final String INSECURE_VARIABLE = "IMMUTABLE_INSECURE_REGISTRIES";

    private RegistryAddress() {
    }

    static URI base(String registry) {
        String host = registry.equals("docker.io") || registry.equals("index.docker.io") ? "registry-1.docker.io" : registry;
        return URI.create((isLoopback(host) || insecure().contains(host) ? "http://" : "https://") + host);
    }

    static boolean isLoopback(String hostAndPort) {
        String host = hostAndPort.startsWith("[") ? hostAndPort.substring(1, hostAndPort.indexOf(']'))
                : hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.lastIndexOf(':')) : hostAndPort;
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private static Set<String> insecure() {
        String value = System.getProperty("immutable.insecureRegistries", System.getenv(INSECURE_VARIABLE));
        return value == null ? Set.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
