package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The environment locks of a shared database: one {@code environment_leases} row per environment, naming its holder,
 * a token and an expiry, taken in one transaction (the row locked while it is read and replaced), never waited for.
 * The holder renews the lease every {@link #RENEW_EVERY} on its own connection; a holder killed by {@code kill -9}
 * stops renewing, and its lease may be taken over once it expires, or at once from its own machine when its
 * process is gone. Released, the row keeps no token, so a holder still named means one that died.
 */
final class DatabaseLeases {

    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration RENEW_EVERY = Duration.ofSeconds(15);
    private static final long PID = ProcessHandle.current().pid();

    private static final ScheduledExecutorService RENEWER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "immutable-lease-renewer");
        t.setDaemon(true);
        return t;
    });

    private final Database db;
    private final LedgerLocation location;
    private final java.util.Map<String, String> env;
    private final Clock clock;
    private final Object mutex;

    /** {@code mutex} guards {@code db}'s connection: the ledger's own monitor. */
    DatabaseLeases(Database db, java.util.Map<String, String> env, Clock clock, Object mutex) {
        this.db = db;
        this.mutex = mutex;
        this.location = db.location();
        this.env = env;
        this.clock = clock;
    }

    EnvironmentLock acquire(String environment, String operation) throws ReleaseException {
        LockHolder me = new LockHolder(PID, HostName.get(), operation, clock.instant());
        String token = UUID.randomUUID().toString();
        LockHolder previous = db.write("lock environment '" + environment + "' in", c -> take(c, environment, me, token));
        // Renewed on a connection of its own, so that the renewal never waits for (or breaks) the operation's queries.
        Database renewals = new Database(location, env);
        ScheduledFuture<?> renewal = RENEWER.scheduleAtFixedRate(() -> renew(renewals, environment, token),
                RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return new EnvironmentLock(environment, me, previous, EnvironmentLock.takeoverNote(environment, previous), () -> {
            renewal.cancel(false);
            renewals.close();
            release(environment, token);
        });
    }

    /** In the transaction: the row is made to exist, locked, read, and replaced if free. Returns a dead holder or null. */
    private LockHolder take(Connection c, String environment, LockHolder me, String token) throws SQLException, ReleaseException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO environment_leases (environment, holder, token, expires_ms)"
                + " VALUES (?, '', '', 0) ON CONFLICT (environment) DO NOTHING")) {
            p.setString(1, environment);
            p.executeUpdate();
        }
        String holderJson;
        String heldToken;
        long expires;
        try (PreparedStatement p = c.prepareStatement("SELECT holder, token, expires_ms FROM environment_leases WHERE environment = ?"
                + db.dialect().forUpdate())) {
            p.setString(1, environment);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                holderJson = r.getString(1);
                heldToken = r.getString(2);
                expires = r.getLong(3);
            }
        }
        LockHolder other = parse(holderJson);
        long now = clock.millis();
        boolean held = !heldToken.isEmpty();
        if (held && expires > now && !deadHere(other)) {
            String who = other == null ? "another process" : other.describe(clock.instant());
            throw new ReleaseException(Kind.FAILED_SAFELY, "Environment '" + environment + "' is locked by " + who + " (a lease in "
                    + location + " until " + java.time.Instant.ofEpochMilli(expires) + "): wait for that operation to finish,"
                    + " or check that process. Nothing was changed.");
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE environment_leases SET holder = ?, token = ?, expires_ms = ?"
                + " WHERE environment = ?")) {
            p.setString(1, LedgerTables.json(me));
            p.setString(2, token);
            p.setLong(3, now + LEASE.toMillis());
            p.setString(4, environment);
            p.executeUpdate();
        }
        return held ? other : null;
    }

    private static boolean deadHere(LockHolder holder) {
        return holder != null && holder.host().equals(HostName.get()) && holder.pid() != PID
                && ProcessHandle.of(holder.pid()).map(p -> !p.isAlive()).orElse(true);
    }

    private static LockHolder parse(String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return LedgerJson.MAPPER.readValue(json, LockHolder.class);
        } catch (IOException e) {
            return null;
        }
    }

    private void renew(Database renewals, String environment, String token) {
        try {
            if (!renewals.isOpen()) {
                renewals.connect(false);
            }
            renewals.write("renew the lease of environment '" + environment + "' in", c -> {
                try (PreparedStatement p = c.prepareStatement("UPDATE environment_leases SET expires_ms = ? WHERE environment = ?"
                        + " AND token = ?")) {
                    p.setLong(1, clock.millis() + LEASE.toMillis());
                    p.setString(2, environment);
                    p.setString(3, token);
                    return p.executeUpdate();
                }
            });
        } catch (ReleaseException | RuntimeException e) {
            // A missed renewal is retried; the lease outlives three of them.
            renewals.close();
        }
    }

    private void release(String environment, String token) {
        synchronized (mutex) {
            releaseLocked(environment, token);
        }
    }

    private void releaseLocked(String environment, String token) {
        try {
            db.write("unlock environment '" + environment + "' in", c -> {
                try (PreparedStatement p = c.prepareStatement("UPDATE environment_leases SET holder = '', token = '', expires_ms = 0"
                        + " WHERE environment = ? AND token = ?")) {
                    p.setString(1, environment);
                    p.setString(2, token);
                    return p.executeUpdate();
                }
            });
        } catch (ReleaseException | RuntimeException e) {
            // The lease then runs out by itself within LEASE; the next holder takes it over.
        }
    }
}
