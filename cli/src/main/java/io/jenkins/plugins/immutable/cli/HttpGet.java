package io.jenkins.plugins.immutable.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A curl-like GET through the demo's router, shown as {@code GET url -> 200 hello from v1}. */
final class HttpGet {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private HttpGet() {
    }

    record Answer(int status, String body) {
        @Override
        public String toString() {
            return status + " " + body.strip();
        }
    }

    static Answer get(String url) throws InterruptedException {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            // HAProxy's own 503 page is HTML; one line says enough
            return new Answer(response.statusCode(), response.statusCode() == 503 ? "Service Unavailable (no colour switched on)"
                    : body.lines().findFirst().orElse(""));
        } catch (IOException e) {
            return new Answer(0, "no answer: " + e.getMessage());
        }
    }
}
