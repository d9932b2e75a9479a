package io.jenkins.plugins.immutable.engine.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few clients asking a loopback frontend in a loop, each on its own keep-alive connection, counting answers and
 * failures. Bounded: it stops when told, or after {@link #MAX_REQUESTS} requests per client.
 */
public final class FrontendLoad implements AutoCloseable {

    public static final int MAX_REQUESTS = 200_000;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    public final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    public final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread[] clients;

    private FrontendLoad(URI frontend, int clientCount) {
        if (!"127.0.0.1".equals(frontend.getHost()) && !"localhost".equals(frontend.getHost())) {
            throw new IllegalArgumentException("load goes to loopback only, not " + frontend);
        }
        clients = new Thread[clientCount];
        for (int i = 0; i < clientCount; i++) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            // What counts is that no request fails, not how fast it is: on a loaded 2-core machine a container start can
            // starve every client for seconds at once, so the timeout only has to catch a request that never ends.
            HttpRequest request = HttpRequest.newBuilder(frontend).timeout(REQUEST_TIMEOUT).build();
            clients[i] = new Thread(() -> {
                for (int n = 0; n < MAX_REQUESTS && running.get(); n++) {
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        String key = response.statusCode() == 200 ? response.body().strip() : "HTTP " + response.statusCode();
                        answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                        answers.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                        // When and on which client: a rare stall of every client at once is being tracked down, and the
                        // instants line up with the engine's own log lines in the test's output.
                        System.err.println(java.time.Instant.now() + " " + Thread.currentThread().getName() + " request "
                                + n + " to " + frontend + " failed: " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "frontend-load-" + i);
            clients[i].start();
        }
    }

    public static FrontendLoad start(URI frontend, int clients) {
        return new FrontendLoad(frontend, clients);
    }

    /** How many answers of any kind so far. */
    public int total() {
        return answers.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** How many {@code 200} answers with this body so far. */
    public int count(String body) {
        AtomicInteger n = answers.get(body);
        return n == null ? 0 : n.get();
    }

    /**
     * Waits until {@code more} further answers with this body came in: the load demonstrably ran through that state.
     * The deadline only guards against a hang.
     */
    public void awaitMore(String body, int more) throws InterruptedException {
        int wanted = count(body) + more;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (count(body) < wanted) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited 60 s for " + more + " more answers '" + body + "'; answers so far: " + answers);
            }
            Thread.sleep(5);
        }
    }

    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(REQUEST_TIMEOUT.toMillis() + 10_000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
