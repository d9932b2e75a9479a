package io.jenkins.plugins.immutable.engine.platform;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One operation per environment at a time, across every machine that reaches the target: the lock lives with it. On
 * a Docker host it is a container named {@code immutable-lock-<env>} that is created and never started; on a Swarm a
 * config of that name (configs live in the managers' Raft store, which gives a name to one config only, cluster-wide;
 * their data and names cannot change, so the beat is renewed by creating a newer beat config and removing the older). The daemon gives a name to
 * one container only, atomically, so of two machines racing for it exactly one creates it; the other reads the holder
 * from its labels (host, pid, operation, start, lease).
 *
 * <p>Container labels cannot change, so the holder proves it is alive with a second, also never-started container
 * whose <em>name</em> it renews ({@code docker rename} is atomic): {@code immutable-lock-<env>-beat-<token>-<epoch
 * seconds>}. A holder on this host whose process is gone is taken over at once; one on another host once its last beat
 * is older than the lease.
 */
public final class DockerHostLock implements AutoCloseable {

    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    static final String HOLDER_HOST = TargetLabels.PREFIX + "lock.host";
    static final String HOLDER_PID = TargetLabels.PREFIX + "lock.pid";
    static final String OPERATION = TargetLabels.PREFIX + "lock.operation";
    static final String SINCE = TargetLabels.PREFIX + "lock.since";
    static final String TOKEN = TargetLabels.PREFIX + "lock.token";
    static final String LEASE = TargetLabels.PREFIX + "lock.lease-seconds";

    private final LockObjects docker;
    private final String environment;
    private final String lockId;
    private final java.util.concurrent.atomic.AtomicReference<String> beatId;
    private final String token;
    private final String takeoverNote;
    private final ScheduledExecutorService renewer;

    private DockerHostLock(LockObjects docker, String environment, String lockId,
            java.util.concurrent.atomic.AtomicReference<String> beatId, String token, String takeoverNote,
            ScheduledExecutorService renewer) {
        this.docker = docker;
        this.environment = environment;
        this.lockId = lockId;
        this.beatId = beatId;
        this.token = token;
        this.takeoverNote = takeoverNote;
        this.renewer = renewer;
    }

    public static String lockName(String environment) {
        return "immutable-lock-" + environment;
    }

    /**
     * Takes the environment's lock on the host, taking over a dead holder's, or fails at once naming the live holder.
     *
     * @param host this machine's name; {@code pid} this process
     */
    public static DockerHostLock acquire(DockerGateway docker, String environment, String operation, String host, long pid,
            Duration lease, Clock clock) throws ReleaseException {
        return acquire(LockObjects.containers(docker), environment, operation, host, pid, lease, clock);
    }

    /** As {@link #acquire(DockerGateway, String, String, String, long, Duration, Clock)}, as configs on a Swarm. */
    public static DockerHostLock acquireOnSwarm(io.jenkins.plugins.immutable.engine.docker.SwarmGateway swarm, String environment,
            String operation, String host, long pid, Duration lease, Clock clock) throws ReleaseException {
        return acquire(LockObjects.configs(swarm), environment, operation, host, pid, lease, clock);
    }

    private static DockerHostLock acquire(LockObjects docker, String environment, String operation, String host, long pid,
            Duration lease, Clock clock) throws ReleaseException {
        String token = UUID.randomUUID().toString().substring(0, 12);
        Instant now = clock.instant();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(TargetLabels.LOCK, "lock");
        labels.put(TargetLabels.ENVIRONMENT, environment);
        labels.put(HOLDER_HOST, host);
        labels.put(HOLDER_PID, Long.toString(pid));
        labels.put(OPERATION, operation);
        labels.put(SINCE, now.truncatedTo(ChronoUnit.SECONDS).toString());
        labels.put(TOKEN, token);
        labels.put(LEASE, Long.toString(lease.toSeconds()));
        String note = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<String> id = docker.create(lockName(environment), labels);
            if (id.isPresent()) {
                java.util.concurrent.atomic.AtomicReference<String> beat = new java.util.concurrent.atomic.AtomicReference<>(
                        docker.create(beatName(environment, token, clock.instant()), beatLabels(environment, token))
                        .orElseThrow(() -> new ReleaseException(Kind.FAILED_SAFELY, "Could not create the lock's beat for "
                                + environment + " on " + docker.where())));
                return new DockerHostLock(docker, environment, id.get(), beat, token, note,
                        startRenewing(docker, environment, beat, token, lease, clock));
            }
            Optional<ContainerInfo> holder = docker.inspect(lockName(environment));
            if (holder.isEmpty()) {
                continue; // released between our attempt and the look
            }
            Holder h = Holder.of(holder.get(), docker);
            Optional<String> stale = h.staleBecause(host, clock.instant());
            if (stale.isEmpty()) {
                throw new ReleaseException(Kind.FAILED_SAFELY, "Environment '" + environment + "' is locked on " + docker.where()
                        + " by " + h.describe(clock.instant()) + ": wait for that operation to finish, or check that process."
                        + " Nothing was changed.");
            }
            // Remove exactly the stale holder's objects, by id: a newer lock under the same name is never touched.
            docker.remove(holder.get().id());
            for (ContainerInfo beat : docker.listLabelled(TOKEN, h.token)) {
                docker.remove(beat.id());
            }
            note = "Took over the lock of environment '" + environment + "' on " + docker.where() + " from "
                    + h.describe(clock.instant()) + ", which " + stale.get() + "; its operation was interrupted.";
        }
        throw new ReleaseException(Kind.FAILED_SAFELY, "Could not take the lock of environment '" + environment + "' on "
                + docker.where() + ": other processes keep taking it. Nothing was changed; try again.");
    }

    public Optional<String> takeoverNote() {
        return Optional.ofNullable(takeoverNote);
    }

    /** Releases the lock: the beat first, then the lock object itself (by id). Never throws. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            docker.remove(beatId.get());
            docker.remove(lockId);
        } catch (ReleaseException e) {
            // The next holder finds a dead holder's lock and takes it over; nothing is lost.
        }
    }

    private static String beatName(String environment, String token, Instant at) {
        return lockName(environment) + "-beat-" + token + "-" + at.getEpochSecond();
    }

    private static Map<String, String> beatLabels(String environment, String token) {
        return Map.of(TargetLabels.LOCK, "beat", TargetLabels.ENVIRONMENT, environment, TOKEN, token);
    }

    private static ScheduledExecutorService startRenewing(LockObjects docker, String environment,
            java.util.concurrent.atomic.AtomicReference<String> beatId, String token, Duration lease, Clock clock) {
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "immutable-lock-renewer-" + environment);
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, lease.toMillis() / 3);
        renewer.scheduleAtFixedRate(() -> {
            try {
                beatId.set(docker.renew(beatId.get(), beatName(environment, token, clock.instant()), beatLabels(environment, token)));
            } catch (ReleaseException | RuntimeException e) {
                // A missed beat only brings a takeover closer; the next one tries again.
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return renewer;
    }

    /** A lock's holder as its labels and its beat say. */
    private record Holder(String host, long pid, String operation, Instant since, String token, Duration lease, Instant lastBeat) {

        static Holder of(ContainerInfo lock, LockObjects docker) throws ReleaseException {
            Map<String, String> l = lock.labels();
            String token = l.getOrDefault(TOKEN, "");
            Instant since = parseInstant(l.get(SINCE));
            Instant lastBeat = since;
            for (ContainerInfo beat : token.isEmpty() ? java.util.List.<ContainerInfo>of() : docker.listLabelled(TOKEN, token)) {
                String name = beat.name();
                try {
                    Instant at = Instant.ofEpochSecond(Long.parseLong(name.substring(name.lastIndexOf('-') + 1)));
                    lastBeat = lastBeat == null || at.isAfter(lastBeat) ? at : lastBeat;
                } catch (RuntimeException e) {
                    // not a beat name: ignore
                }
            }
            return new Holder(l.getOrDefault(HOLDER_HOST, "an unknown host"), parseLong(l.get(HOLDER_PID)),
                    l.getOrDefault(OPERATION, "an operation"), since, token,
                    Duration.ofSeconds(Math.max(1, parseLong(l.get(LEASE)))), lastBeat);
        }

        Optional<String> staleBecause(String thisHost, Instant now) {
            if (host.equals(thisHost)) {
                boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                return alive ? Optional.empty() : Optional.of("is gone");
            }
            if (lastBeat == null || lastBeat.plus(lease).isBefore(now)) {
                return Optional.of("has not renewed its lease of " + lease.toSeconds() + "s since "
                        + (lastBeat == null ? "an unknown time" : lastBeat));
            }
            return Optional.empty();
        }

        String describe(Instant now) {
            return "pid " + pid + " on host " + host + " (" + operation + " since " + (since == null ? "an unknown time"
                    : since + ", " + Duration.between(since, now).toSeconds() + "s ago") + ")";
        }

        private static Instant parseInstant(String text) {
            try {
                return text == null ? null : Instant.parse(text);
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static long parseLong(String text) {
            try {
                return text == null ? 0 : Long.parseLong(text);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
