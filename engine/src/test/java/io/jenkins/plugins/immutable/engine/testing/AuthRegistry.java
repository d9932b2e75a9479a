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
 * A second real registry (Distribution's {@code docker-registry}) that demands a username and password (htpasswd),
 * on its own loopback port, for tests of refused and accepted credentials.
 */
public final class AuthRegistry implements AutoCloseable {

    private final Process process;
    private final int port;

    private AuthRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AuthRegistry start(Path dir, String username, String password) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("htpasswd"), username + ":" + BCrypt.hashpw(password, BCrypt.gensalt(5)) + "\n");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
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
                  addr: 127.0.0.1:%d
                  secret: test-only
                auth:
                  htpasswd:
                    realm: immutable-release-test
                    path: %s
                """.formatted(dir.resolve("data"), port, dir.resolve("htpasswd")));
        Process process = new ProcessBuilder(TestServices.get().registryBinary().toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        AuthRegistry registry = new AuthRegistry(process, port);
        registry.awaitAnswer(dir);
        return registry;
    }

    private void awaitAnswer(Path dir) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 100; i++) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 401) {
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
        throw new IllegalStateException("the registry with htpasswd did not start; see " + dir.resolve("registry.log"));
    }

    /** {@code 127.0.0.1:PORT}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
