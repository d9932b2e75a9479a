package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.EngineEvent.HealthProbe;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Probes a new colour until its health path answers 2xx {@value #PASSES_NEEDED} times in a row, its container stops,
 * or the timeout passes. The container is checked at every probe: a crash fails at once instead of at the timeout.
 */
final class HealthCheck {

    static final int PASSES_NEEDED = 3;
    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final DockerGateway docker;
    private final EventHandler events;
    private final Clock clock;

    HealthCheck(DockerGateway docker, EventHandler events, Clock clock) {
        this.docker = docker;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome: passed, or why not (the last probe's outcome, the container's exit and log tail). */
    record Outcome(boolean passed, String reason) {
    }

    Outcome await(String colour, String container, int hostPort, String path, Duration timeout) throws ReleaseException {
        Instant start = clock.instant();
        URI uri = URI.create("http://127.0.0.1:" + hostPort + path);
        int passes = 0;
        int attempt = 0;
        String last = "no probe yet";
        while (true) {
            Optional<ContainerInfo> info = docker.inspect(container);
            if (info.isEmpty() || !info.get().running()) {
                return new Outcome(false, stoppedReason(container, info));
            }
            attempt++;
            last = probe(uri);
            passes = last.startsWith("HTTP 2") ? passes + 1 : 0;
            Duration elapsed = Duration.between(start, clock.instant());
            events.on(new HealthProbe(colour, attempt, last + " from " + uri, passes, elapsed, timeout));
            if (passes >= PASSES_NEEDED) {
                return new Outcome(true, last);
            }
            if (elapsed.compareTo(timeout) >= 0) {
                return new Outcome(false, "no " + PASSES_NEEDED + " healthy answers in a row from " + uri + " within "
                        + timeout.toSeconds() + "s (last: " + last + ")");
            }
            sleep(INTERVAL);
        }
    }

    /** One probe, for a colour that passed before (a warm one before a rollback, a new one just before the switch). */
    boolean passesOnce(String container, int hostPort, String path) throws ReleaseException {
        Optional<ContainerInfo> info = docker.inspect(container);
        return info.isPresent() && info.get().running() && hostPort > 0
                && probe(URI.create("http://127.0.0.1:" + hostPort + path)).startsWith("HTTP 2");
    }

    /** One GET of a running colour, for status: {@code HTTP 200}, or what went wrong. */
    String probeOnce(int hostPort, String path) {
        return hostPort > 0 ? probe(URI.create("http://127.0.0.1:" + hostPort + path)) : "no published port";
    }

    /**
     * One GET. Plain {@link HttpURLConnection}, not the JDK's HttpClient: probes are loopback HTTP, and HttpClient's
     * first use costs ~300 ms of TLS set-up that a rollback should not spend.
     */
    private String probe(URI uri) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) PROBE_TIMEOUT.toMillis());
            connection.setReadTimeout((int) PROBE_TIMEOUT.toMillis());
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return "HTTP " + status;
        } catch (IOException e) {
            return "no answer (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private String stoppedReason(String container, Optional<ContainerInfo> info) throws ReleaseException {
        if (info.isEmpty()) {
            return "its container " + container + " disappeared";
        }
        String tail = docker.logTail(container, 5);
        return "its container " + container + " stopped (exit code " + info.get().exitCode() + ")"
                + (tail.isEmpty() ? "" : "; last output: " + tail.replace('\n', ' '));
    }

    private static void sleep(Duration d) throws ReleaseException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(ReleaseException.Kind.FAILED_SAFELY, "Interrupted while waiting for the health check", e);
        }
    }
}
