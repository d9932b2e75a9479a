package io.jenkins.plugins.immutable.it;

import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** What the plugin's integration tests share: unique names, the router's answer, container clean-up. */
final class ItSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ItSupport() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The body the router's frontend answers for {@code /}, trimmed; bounded retries while a connection is refused. */
    static String routerAnswer(int frontendPort) throws InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontendPort + "/")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.body().strip();
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the router on port " + frontendPort + " did not answer", last);
    }

    /** Removes the environment's containers (named {@code <app>-<env>-<colour>}) with the docker CLI; errors ignored. */
    static void removeContainers(String app, String environment) throws IOException, InterruptedException {
        for (String colour : List.of("blue", "green")) {
            Process rm = new ProcessBuilder("docker", "-H", TestServices.get().dockerHost(), "rm", "-f", app + "-" + environment + "-" + colour)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            rm.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
