package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The versioned schema: ordered SQL files on the class path ({@code schema/V<n>__<name>.sql}) and a
 * {@code schema_version} table of those applied. A current database costs one query to check; a new or older one
 * is brought up to date in one transaction, so two processes opening it at once do not both apply a file, and a
 * crash applies all of a file or none.
 */
final class Schema {

    /** In order; a release adds a file at the end and never edits one that shipped. */
    static final List<String> MIGRATIONS = List.of("V1__ledger.sql", "V2__release_fields.sql");

    static final int CURRENT = MIGRATIONS.size();

    /** Called in the transaction that creates the schema, to fill it from what came before (the journal). */
    interface FirstFill {
        void fill(Connection c) throws SQLException, ReleaseException;
    }

    private Schema() {
    }

    /** Brings the schema up to date, calling {@code firstFill} when it was created now. */
    static void migrate(Database db, FirstFill firstFill) throws ReleaseException {
        int version = db.read("read the schema version of", Schema::versionOrMissing);
        if (version == CURRENT) {
            return;
        }
        checkNotNewer(db, version);
        if (db.readOnly()) {
            throw new ReleaseException(Kind.BAD_INPUT, "The ledger " + db.location() + " has schema version " + version
                    + " and this version needs " + CURRENT + ", but it cannot be written here: open it once where it can be"
                    + " written. Nothing was changed.");
        }
        db.write("update the schema of", c -> {
            db.dialect().lockForMigration(c);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
            }
            int now = versionOrMissing(c);
            checkNotNewer(db, now);
            for (int v = now + 1; v <= CURRENT; v++) {
                apply(c, db.dialect(), v);
            }
            if (now == 0) {
                firstFill.fill(c);
            }
            return null;
        });
    }

    private static void checkNotNewer(Database db, int version) throws ReleaseException {
        if (version > CURRENT) {
            throw new ReleaseException(Kind.BAD_INPUT, "The ledger " + db.location() + " has schema version " + version
                    + ", written by a newer immutable; this one knows up to " + CURRENT + ". Use the newer version. Nothing was"
                    + " changed.");
        }
    }

    /** The highest version applied; 0 when there is no schema yet. */
    private static int versionOrMissing(Connection c) throws SQLException {
        if (!hasVersionTable(c)) {
            return 0;
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static boolean hasVersionTable(Connection c) throws SQLException {
        try (ResultSet r = c.getMetaData().getTables(null, null, "schema_version", null)) {
            return r.next();
        }
    }

    private static void apply(Connection c, SqlDialect dialect, int version) throws SQLException {
        String name = MIGRATIONS.get(version - 1);
        try (Statement s = c.createStatement()) {
            for (String sql : statements(dialect.expand(resource(name)))) {
                s.execute(sql);
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version, applied) VALUES (?, ?)")) {
            p.setInt(1, version);
            p.setString(2, java.time.Instant.now().toString());
            p.executeUpdate();
        }
    }

    private static String resource(String name) {
        try (InputStream in = Schema.class.getResourceAsStream("schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema/" + name + " is missing from the class path: a broken build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema/" + name, e);
        }
    }

    /** The file's statements: comments dropped, split at each ';' that ends a line. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String code = line.strip();
            if (code.startsWith("--") || code.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (code.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
