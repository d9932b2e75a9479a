package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded request loop through HAProxy while traffic moves: promotion and rollback drop no request. This checks
 * correctness; the speed figures belong to the benchmarks.
 */
class CutoverUnderLoadIT {

    @TempDir
    Path dir;

    private BlueGreenFixture env;

    @BeforeEach
    void open() throws Exception {
        env = new BlueGreenFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        env.close();
    }

    @Test
    void promoteAndRollbackDropNoRequest() throws Exception {
        ImageRef v1 = env.release("v1");
        ImageRef v2 = env.release("v2");
        env.deploy(v1);
        env.engine().engine().deploy(env.deployRequest(v2).manualPromotion(true).build());

        Load promote = Load.start(env, 3);
        Thread.sleep(300);
        env.engine().engine().promote("staging");
        Thread.sleep(300);
        promote.stop();

        Load rollback = Load.start(env, 3);
        Thread.sleep(300);
        env.engine().engine().rollback(RollbackRequest.of("staging", null, null));
        Thread.sleep(300);
        rollback.stop();

        for (Load load : new Load[] {promote, rollback}) {
            assertThat(load.failures.get()).as("failed requests: " + load.answers).isZero();
            assertThat(load.answers.keySet()).containsExactlyInAnyOrder("v1", "v2");
            assertThat(load.answers.values().stream().mapToInt(AtomicInteger::get).sum()).isGreaterThan(20);
        }
    }

    /** A few clients asking in a loop, each on its own keep-alive connection, counting answers and failures. */
    private static final class Load {
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread[] clients;

        private Load(BlueGreenFixture env, int clientCount) {
            clients = new Thread[clientCount];
            for (int i = 0; i < clientCount; i++) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                HttpRequest request = HttpRequest.newBuilder(env.frontend()).timeout(Duration.ofSeconds(5)).build();
                clients[i] = new Thread(() -> {
                    while (running.get()) {
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
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                clients[i].start();
            }
        }

        static Load start(BlueGreenFixture env, int clients) {
            return new Load(env, clients);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join(10_000);
            }
        }
    }
}
