package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.EngineEvent.HealthProbe;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.api.Endpoint;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.platform.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Probes a new colour until its health path answers 2xx {@value #PASSES_NEEDED} times in a row on every replica, a
 * replica stops, or the timeout passes. The colour is read from the platform at every round: a crash fails at once
 * instead of at the timeout, and so does a replica that dies or moves (a Swarm replacing a task) while the gate runs.
 */
final class HealthCheck {

    static final int PASSES_NEEDED = 3;
    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Platform platform;
    private final EventHandler events;
    private final Clock clock;

    HealthCheck(Platform platform, EventHandler events, Clock clock) {
        this.platform = platform;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome: passed, or why not (the last probe's outcome, the container's exit and log tail). */
    record Outcome(boolean passed, String reason) {
    }

    Outcome await(String colour, String container, int hostPort, String path, Duration timeout) throws ReleaseException {
        return await(colour, container, List.of(Endpoint.loopback(hostPort)), path, timeout, null);
    }

    /**
     * @param endpoints  the replicas the gate judges: each must answer {@value #PASSES_NEEDED} times in a row
     * @param pausePoint a fault point reached once, after the first round of probes, or {@code null}
     */
    Outcome await(String colour, String container, List<Endpoint> endpoints, String path, Duration timeout, String pausePoint)
            throws ReleaseException {
        Instant start = clock.instant();
        Map<Endpoint, Integer> passes = new LinkedHashMap<>();
        endpoints.forEach(e -> passes.put(e, 0));
        int attempt = 0;
        String last = "no probe yet";
        while (true) {
            Optional<ContainerInfo> info = platform.inspect(container);
            if (info.isEmpty() || !info.get().running()) {
                return new Outcome(false, stoppedReason(container, info));
            }
            List<Endpoint> gone = endpoints.stream().filter(e -> !info.get().endpoints().contains(e)).toList();
            if (!gone.isEmpty()) {
                return new Outcome(false, "the replica at " + gone.get(0) + " of " + container + " stopped during the health gate ("
                        + platform.whyStopped(container) + ")");
            }
            attempt++;
            for (Endpoint endpoint : endpoints) {
                URI uri = uri(endpoint, path);
                last = probe(uri) + " from " + uri;
                passes.put(endpoint, last.startsWith("HTTP 2") ? passes.get(endpoint) + 1 : 0);
            }
            int least = passes.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            Duration elapsed = Duration.between(start, clock.instant());
            events.on(new HealthProbe(colour, attempt, endpoints.size() == 1 ? last
                    : least + " of " + PASSES_NEEDED + " on each of " + endpoints.size() + " replicas (last: " + last + ")",
                    least, elapsed, timeout));
            if (least >= PASSES_NEEDED) {
                return new Outcome(true, last);
            }
            if (elapsed.compareTo(timeout) >= 0) {
                return new Outcome(false, "no " + PASSES_NEEDED + " healthy answers in a row from every replica within "
                        + timeout.toSeconds() + "s (last: " + last + ")");
            }
            if (attempt == 1 && pausePoint != null) {
                FaultPoints.reach(pausePoint);
            }
            sleep(INTERVAL);
        }
    }

    /** One probe, for a colour that passed before (a warm one before a rollback, a new one just before the switch). */
    boolean passesOnce(String container, int hostPort, String path) throws ReleaseException {
        return hostPort > 0 && passesOnce(container, List.of(Endpoint.loopback(hostPort)), path);
    }

    /** One probe of every replica; all must still run where they ran and answer 2xx. */
    boolean passesOnce(String container, List<Endpoint> endpoints, String path) throws ReleaseException {
        Optional<ContainerInfo> info = platform.inspect(container);
        if (endpoints.isEmpty() || info.isEmpty() || !info.get().running() || !info.get().endpoints().containsAll(endpoints)) {
            return false;
        }
        for (Endpoint endpoint : endpoints) {
            if (!probe(uri(endpoint, path)).startsWith("HTTP 2")) {
                return false;
            }
        }
        return true;
    }

    /** One GET of a running colour, for status: {@code HTTP 200}, or what went wrong. */
    String probeOnce(int hostPort, String path) {
        return hostPort > 0 ? probe(URI.create("http://127.0.0.1:" + hostPort + path)) : "no published port";
    }

    /** One GET of a replica, for status. */
    String probeOnce(Endpoint endpoint, String path) {
        return probe(uri(endpoint, path));
    }

    private static URI uri(Endpoint endpoint, String path) {
        return URI.create("http://" + endpoint + path);
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
        boolean swarm = EnvironmentSettings.SWARM.equals(platform.kind());
        if (info.isEmpty()) {
            return "its " + (swarm ? "service " : "container ") + container + " disappeared";
        }
        String tail = platform.whyStopped(container);
        if (swarm) {
            return "not every replica of service " + container + " runs: " + tail;
        }
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
