package io.jenkins.plugins.immutable.engine.ledger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's rows: every statement the engine runs, in the SQL both back ends share. Records go in whole as JSON
 * ({@link LedgerJson}), beside the columns they are found by; {@code seq} keeps the order they were recorded in.
 */
final class LedgerTables {

    private static final ObjectReader RELEASE = LedgerJson.MAPPER.readerFor(Release.class);
    private static final ObjectReader DEPLOYMENT = LedgerJson.MAPPER.readerFor(DeploymentRecord.class);
    private static final ObjectReader INTENT = LedgerJson.MAPPER.readerFor(Intent.class);

    /** Reading a row's JSON failed: the row was written by something else, or damaged. */
    static final class BadRow extends SQLException {
        private static final long serialVersionUID = 1L;

        BadRow(String table, String key, IOException cause) {
            super("the " + table + " row " + key + " is not a readable record (" + (cause instanceof JacksonException j
                    ? j.getOriginalMessage() : cause.getMessage()) + ")", cause);
        }
    }

    private LedgerTables() {
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    /** The same image is the same release: recorded again, it is updated where it stands (its {@code seq} kept). */
    static void putRelease(Connection c, Release r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO releases (id, digest, repository, input_digest, created_ns, body,"
                + " fields) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET digest = excluded.digest,"
                + " repository = excluded.repository, input_digest = excluded.input_digest, created_ns = excluded.created_ns,"
                + " body = excluded.body, fields = excluded.fields")) {
            String body = json(r);
            p.setString(1, r.id());
            p.setString(2, r.digest().toString());
            p.setString(3, r.ref().repository());
            p.setString(4, r.inputDigest() == null ? null : r.inputDigest().toString());
            p.setLong(5, epochNanos(r.created()));
            p.setString(6, body);
            p.setString(7, StoredReleaseBody.fields(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            p.executeUpdate();
        }
    }

    /** Nanoseconds since the epoch: orders like the instant, in a column both back ends index (until the year 2262). */
    private static long epochNanos(java.time.Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    static void addDeployment(Connection c, DeploymentRecord d) throws SQLException {
        update(c, "INSERT INTO deployments (environment, body) VALUES (?, ?)", d.environment(), json(d));
    }

    static void addIntent(Connection c, Intent i) throws SQLException {
        update(c, "INSERT INTO intents (environment, intent_id, body) VALUES (?, ?, ?)", i.environment(), i.id(), json(i));
    }

    static void putState(Connection c, String environment, String stateJson) throws SQLException {
        update(c, "INSERT INTO environments (name, state) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state",
                environment, stateJson);
    }

    static void putProvenance(Connection c, String releaseId, String statement) throws SQLException {
        update(c, "INSERT INTO provenance (release_id, statement) VALUES (?, ?)"
                + " ON CONFLICT (release_id) DO UPDATE SET statement = excluded.statement", releaseId, statement);
    }

    static void addImport(Connection c, String source, String summary) throws SQLException {
        update(c, "INSERT INTO imports (source, summary) VALUES (?, ?)", source, summary);
    }

    /** One statement with text parameters, in order. */
    private static void update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                p.setString(i + 1, values[i]);
            }
            p.executeUpdate();
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Every release in the order first recorded, one at a time: nothing holds them all. */
    static void eachRelease(Connection c, RowSink<Release> sink) throws SQLException {
        eachRelease(c, "SELECT id, body FROM releases ORDER BY seq", sink);
    }

    /** Every release, the newest {@code created} first (ties: the later recorded first), one at a time. */
    static void eachReleaseNewestFirst(Connection c, RowSink<Release> sink) throws SQLException {
        eachRelease(c, "SELECT id, body FROM releases ORDER BY created_ns DESC, seq DESC", sink);
    }

    private static void eachRelease(Connection c, String sql, RowSink<Release> sink) throws SQLException {
        rows(c, sql, r -> sink.accept(read(RELEASE, "releases", r.getString(1), r.getBytes(2))));
    }

    /** Steps through a query's rows without holding them all. */
    private static void rows(Connection c, String sql, RowSink<ResultSet> sink) throws SQLException {
        // PostgreSQL streams rows only inside a transaction (a cursor), else it reads them all first; SQLite steps through
        // them anyway, and a transaction there would take the write lock (BEGIN IMMEDIATE) for the whole listing.
        boolean cursor = c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        if (cursor) {
            c.setAutoCommit(false);
            // A portal of the extended protocol is planned to return all its rows, not the first ones soon: once the
            // table is analysed, PostgreSQL would sort 100,000 releases on disk (tens of MB, 0.2 s) before the first
            // row, where walking the index that holds that order streams them at once. For this transaction only.
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL enable_sort = off");
            }
        }
        try (PreparedStatement p = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            p.setFetchSize(1000);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    sink.accept(r);
                }
            }
        } finally {
            if (cursor) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Every release, the newest {@code created} first, as stored: each body handed over to be copied when {@link
     * StoredReleaseBody} can take it, else read into its record (which fails naming the row when it is damaged).
     */
    static void eachStoredReleaseNewestFirst(Connection c, Ledger.StoredReleases sink) throws SQLException {
        StoredReleaseBody stored = new StoredReleaseBody();
        // The fields' places and the body in one value: one call into the driver per row.
        rows(c, "SELECT id, COALESCE(fields, '') || body FROM releases ORDER BY created_ns DESC, seq DESC", r -> {
            byte[] row = r.getBytes(2); // the id column is read only for a row that needs naming
            if (stored.take(row)) {
                sink.stored(stored);
            } else {
                String id = r.getString(1);
                sink.bound(read(RELEASE, "releases", id, text(c, "SELECT body FROM releases WHERE id = ?", id).orElse("")));
            }
        });
    }

    static Optional<Release> release(Connection c, String id) throws SQLException {
        return releases(c, "SELECT id, body FROM releases WHERE id = ?", id).stream().findFirst();
    }

    static Optional<Release> releaseByDigest(Connection c, String digest) throws SQLException {
        return releases(c, "SELECT id, body FROM releases WHERE digest = ? ORDER BY seq DESC LIMIT 1", digest).stream().findFirst();
    }

    static List<Release> releasesByInputDigest(Connection c, String inputDigest) throws SQLException {
        return releases(c, "SELECT id, body FROM releases WHERE input_digest = ? ORDER BY seq DESC", inputDigest);
    }

    private static List<Release> releases(Connection c, String sql, String key) throws SQLException {
        List<Release> found = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    found.add(read(RELEASE, "releases", r.getString(1), r.getString(2)));
                }
            }
        }
        return found;
    }

    static List<DeploymentRecord> history(Connection c, String environment) throws SQLException {
        List<DeploymentRecord> found = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT seq, body FROM deployments WHERE environment = ? ORDER BY seq DESC")) {
            p.setString(1, environment);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    found.add(read(DEPLOYMENT, "deployments", r.getString(1), r.getString(2)));
                }
            }
        }
        return found;
    }

    static Optional<Intent> latestIntent(Connection c, String environment) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT seq, body FROM intents WHERE environment = ? ORDER BY seq DESC LIMIT 1")) {
            p.setString(1, environment);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(read(INTENT, "intents", r.getString(1), r.getString(2))) : Optional.empty();
            }
        }
    }

    /** Each environment's latest intent, in the order those were written. */
    static Map<String, Intent> latestIntents(Connection c) throws SQLException {
        Map<String, Intent> found = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT i.seq, i.body FROM intents i JOIN (SELECT MAX(seq) AS latest"
                + " FROM intents GROUP BY environment) l ON i.seq = l.latest ORDER BY i.seq");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                Intent intent = read(INTENT, "intents", r.getString(1), r.getString(2));
                found.put(intent.environment(), intent);
            }
        }
        return found;
    }

    static List<String> environments(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT name FROM environments"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        names.sort(null); // in Java, so both back ends sort alike whatever the database's collation
        return names;
    }

    static Optional<String> state(Connection c, String environment) throws SQLException {
        return text(c, "SELECT state FROM environments WHERE name = ?", environment);
    }

    static Optional<String> provenance(Connection c, String releaseId) throws SQLException {
        return text(c, "SELECT statement FROM provenance WHERE release_id = ?", releaseId);
    }

    static Optional<String> importSummary(Connection c, String source) throws SQLException {
        return text(c, "SELECT summary FROM imports WHERE source = ?", source);
    }

    private static Optional<String> text(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    // ---- JSON ----------------------------------------------------------------------------------------------------

    static String json(Object record) {
        try {
            return LedgerJson.MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + record.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    private static <T> T read(ObjectReader reader, String table, String key, String body) throws SQLException {
        return read(reader, table, key, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static <T> T read(ObjectReader reader, String table, String key, byte[] body) throws SQLException {
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw new com.fasterxml.jackson.databind.JsonMappingException(null, "the row holds no record");
            }
            return value;
        } catch (IOException e) {
            throw new BadRow(table, key, e);
        }
    }

    /** Receives rows one at a time. */
    interface RowSink<T> {
        void accept(T row) throws SQLException;
    }
}
