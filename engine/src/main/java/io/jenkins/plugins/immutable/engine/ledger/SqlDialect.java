package io.jenkins.plugins.immutable.engine.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Everything that differs between the two back ends, and nothing else: the schema and every query are shared.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}: a commit returns only once the WAL is fsync'd, so a
 * {@code kill -9} (and even a power cut) after a commit never loses it, and one killed mid-commit leaves the database
 * as it was before that transaction (WAL frames without a commit record are ignored on the next open). NORMAL would
 * survive {@code kill -9} too, but could lose the last commits on a power cut, which the journal it replaces never
 * did. Writers take the write lock when the transaction begins ({@code IMMEDIATE}), waiting up to
 * {@link #BUSY_WAIT_MS} for another process's commit.
 */
enum SqlDialect {

    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT"),
    POSTGRESQL("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

    static final int BUSY_WAIT_MS = 30_000;

    // PostgreSQL serialises schema changes of concurrent first opens on this advisory lock ("immutable-ledger").
    private static final long MIGRATION_LOCK = 0x696d6d6c6564L;

    private final String sequenceColumn;

    SqlDialect(String sequenceColumn) {
        this.sequenceColumn = sequenceColumn;
    }

    /** The schema's placeholders filled in for this back end. */
    String expand(String sql) {
        return sql.replace("${seq}", sequenceColumn);
    }

    Properties connectionProperties(boolean readOnly) {
        Properties p = new Properties();
        if (this == SQLITE) {
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "FULL");
            p.setProperty("busy_timeout", String.valueOf(BUSY_WAIT_MS));
            p.setProperty("transaction_mode", "IMMEDIATE");
            p.setProperty("foreign_keys", "true");
            if (readOnly) {
                p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            }
        } else {
            p.setProperty("ApplicationName", "immutable");
            p.setProperty("connectTimeout", "10");
            p.setProperty("socketTimeout", "120");
            p.setProperty("tcpKeepAlive", "true");
        }
        return p;
    }

    /** Taken at the start of the migration transaction, so that two first opens do not both create the schema. */
    void lockForMigration(Connection c) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            }
        }
        // SQLite: the IMMEDIATE transaction already holds the database's write lock.
    }

    /** Appended to a SELECT that reads a row the transaction will then change. */
    String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }
}
