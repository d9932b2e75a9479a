package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.TextServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switching back and forth under constant load drops nothing: two keep-alive clients and one client opening a new
 * connection per request run a bounded number of requests through a real HAProxy while the router switches ten
 * times; every request must answer 200.
 */
class ZeroDowntimeSwitchIT {

    private static final int KEEP_ALIVE_REQUESTS = 2000;
    private static final int FRESH_CONNECTION_REQUESTS = 1000;
    private static final int SWITCHES = 10;

    @TempDir
    Path dir;

    private final AtomicInteger done = new AtomicInteger();
    private final LongAdder failed = new LongAdder();
    private final LongAdder non2xx = new LongAdder();
    private final Map<String, LongAdder> bodies = new ConcurrentHashMap<>();
    private final List<String> firstProblems = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void tenSwitchesUnderLoadDropNoRequest() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try (HaproxyProcess haproxy = HaproxyProcess.start(dir, "app");
                TextServer blue = TextServer.start("blue");
                TextServer green = TextServer.start("green")) {
            HaproxyRouter router = haproxy.router();
            router.switchTo(Colour.BLUE, blue.port(), Duration.ofSeconds(5));
            URI uri = URI.create("http://127.0.0.1:" + haproxy.frontendPort() + "/");

            List<Future<?>> load = List.of(
                    clients.submit(() -> keepAliveClient(uri)),
                    clients.submit(() -> keepAliveClient(uri)),
                    clients.submit(() -> freshConnectionClient(haproxy.frontendPort())));
            int total = 2 * KEEP_ALIVE_REQUESTS + FRESH_CONNECTION_REQUESTS;
            List<Long> switchMillis = new ArrayList<>();
            List<Integer> doneAtSwitch = new ArrayList<>();
            Colour next = Colour.GREEN;
            for (int i = 0; i < SWITCHES; i++) {
                awaitProgress(total * (i + 1) / (SWITCHES + 2));
                doneAtSwitch.add(done.get());
                switchMillis.add(router.switchTo(next, next == Colour.BLUE ? blue.port() : green.port(), Duration.ofSeconds(5)));
                next = next.other();
            }
            for (Future<?> client : load) {
                client.get(120, TimeUnit.SECONDS);
            }
            System.out.printf("switch ms: %s; requests done at each switch: %s; answers: %s%n", switchMillis, doneAtSwitch, bodies);

            assertThat(done.get()).isEqualTo(total);
            assertThat(failed.sum()).as("requests that failed: %s", firstProblems).isZero();
            assertThat(non2xx.sum()).as("non-2xx answers: %s", firstProblems).isZero();
            assertThat(doneAtSwitch).as("every switch happened under load").allMatch(n -> n > 0 && n < total);
            assertThat(bodies.keySet()).containsExactlyInAnyOrder("blue", "green");
            assertThat(router.state().live()).containsExactly(Colour.BLUE);
        } finally {
            clients.shutdownNow();
        }
    }

    private void awaitProgress(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (done.get() < requests && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    /** One HttpClient: it keeps its connection to HAProxy open across the switches. */
    private void keepAliveClient(URI uri) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < KEEP_ALIVE_REQUESTS; i++) {
            try {
                var response = http.send(request, BodyHandlers.ofString());
                record(response.statusCode(), response.body());
            } catch (IOException | InterruptedException e) {
                fail(e.toString());
            }
        }
    }

    /** A new TCP connection per request, closed after the answer. */
    private void freshConnectionClient(int port) {
        byte[] request = "GET / HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < FRESH_CONNECTION_REQUESTS; i++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                InputStream in = socket.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                int status = response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
                record(status, response.substring(response.indexOf("\r\n\r\n") + 4));
            } catch (IOException | RuntimeException e) {
                fail(e.toString());
            }
        }
    }

    private void record(int status, String body) {
        if (status / 100 != 2) {
            non2xx.increment();
            problem(status + " " + body.strip());
        } else {
            bodies.computeIfAbsent(body, b -> new LongAdder()).increment();
        }
        done.incrementAndGet();
    }

    private void fail(String problem) {
        failed.increment();
        problem(problem);
        done.incrementAndGet();
    }

    private void problem(String text) {
        if (firstProblems.size() < 5) {
            firstProblems.add(text);
        }
    }
}
