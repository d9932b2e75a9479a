package io.jenkins.plugins.immutable.engine.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A registry of a test's own (Distribution's {@code docker-registry}) on its own loopback port: one that demands a
 * username and password (htpasswd), for tests of refused and accepted credentials, or an open one a test may stop.
 */
public final class AuthRegistry implements AutoCloseable {

    private final Process process;
    private final String host;
    private final int port;

    private AuthRegistry(Process process, String host, int port) {
        this.process = process;
        this.host = host;
        this.port = port;
    }

    /** A registry without authentication. */
    public static AuthRegistry startOpen(Path dir) throws IOException, InterruptedException {
        return start(dir, null, null);
    }

    /** A registry that accepts only {@code username}/{@code password}; {@code null}s for an open one. */
    public static AuthRegistry start(Path dir, String username, String password) throws IOException, InterruptedException {
        return start(dir, username, password, "127.0.0.1");
    }

    /**
     * The same on an address of this machine other than loopback, e.g. the Swarm cluster's bridge, where the cluster's
     * nodes reach it (they trust the bridge's /24 as insecure registries).
     */
    public static AuthRegistry start(Path dir, String username, String password, String host)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        String auth = "";
        if (username != null) {
            Files.writeString(dir.resolve("htpasswd"), username + ":" + BCrypt.hashpw(password, BCrypt.gensalt(5)) + "\n");
            auth = """
                    auth:
                      htpasswd:
                        realm: immutable-release-test
                        path: %s
                    """.formatted(dir.resolve("htpasswd"));
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            port = probe.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("config.yml"), """
                version: 0.1
                log:
                  level: error
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: %s:%d
                  secret: test-only
                """.formatted(dir.resolve("data"), host, port) + auth);
        Process process = new ProcessBuilder(TestServices.get().registryBinary().toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        AuthRegistry registry = new AuthRegistry(process, host, port);
        registry.awaitAnswer(dir, username == null ? 200 : 401);
        return registry;
    }

    private void awaitAnswer(Path dir, int expectedStatus) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 100; i++) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == expectedStatus) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("the test registry did not start; see " + dir.resolve("registry.log"));
    }

    /** {@code HOST:PORT}, {@code 127.0.0.1:PORT} unless started on another address. */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
