package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * One connection to the ledger's database, opened when first needed, and the transactions on it. Callers serialise
 * their use of it (the {@link Ledger}'s methods are synchronized). Failures become {@link ReleaseException}s through
 * {@link SqlFailures}, naming the database and never a password.
 */
final class Database implements AutoCloseable {

    /** Work done with the connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException, ReleaseException;
    }

    private final LedgerLocation location;
    private final SqlDialect dialect;
    private final Map<String, String> env;
    private Connection connection;
    private boolean readOnly;

    Database(LedgerLocation location, Map<String, String> env) {
        this.location = location;
        this.dialect = location.isDatabase() ? SqlDialect.POSTGRESQL : SqlDialect.SQLITE;
        this.env = env;
    }

    SqlDialect dialect() {
        return dialect;
    }

    LedgerLocation location() {
        return location;
    }

    boolean isOpen() {
        return connection != null;
    }

    /** Whether it was opened read-only (a SQLite file in a folder this process cannot write). */
    boolean readOnly() {
        return readOnly;
    }

    /** Connects; for SQLite, falls back to reading only when the folder cannot be written. */
    void connect(boolean allowReadOnly) throws ReleaseException {
        if (connection != null) {
            return;
        }
        try {
            connection = open(location.jdbcUrl(), false);
        } catch (SQLException e) {
            if (dialect != SqlDialect.SQLITE || !allowReadOnly) {
                throw SqlFailures.translate(e, location, "open");
            }
            try {
                // WAL mode needs its side files; a folder no one may write has none, but an immutable read still works.
                connection = open("jdbc:sqlite:file:" + location.folder().orElseThrow().resolve(LedgerLocation.SQLITE_FILE)
                        + "?immutable=1", true);
                readOnly = true;
            } catch (SQLException second) {
                e.addSuppressed(second);
                throw SqlFailures.translate(e, location, "open");
            }
        }
    }

    private Connection open(String url, boolean asReadOnly) throws SQLException {
        Properties props = dialect.connectionProperties(asReadOnly);
        if (dialect == SqlDialect.POSTGRESQL) {
            props.setProperty("user", location.user());
            PgPass.password(location, env).ifPresent(p -> props.setProperty("password", p));
        }
        Connection c = DriverManager.getConnection(url, props);
        try {
            c.setAutoCommit(true);
            if (dialect == SqlDialect.SQLITE && !asReadOnly) {
                // The driver applies journal_mode lazily; a first statement makes a failure to open show here.
                try (var s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                }
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Runs {@code work} outside a transaction (each statement sees the latest commits). */
    <T> T read(String doing, Work<T> work) throws ReleaseException {
        reconnectIfClosed();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            close();
            throw SqlFailures.translate(e, location, doing);
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, durably, or none of it. */
    <T> T write(String doing, Work<T> work) throws ReleaseException {
        reconnectIfClosed();
        T result;
        try {
            connection.setAutoCommit(false);
            result = work.run(connection);
            connection.commit();
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            // After a failed commit (a full disk, say) the driver's idea of the transaction may be stale: start afresh.
            close();
            throw SqlFailures.translate(e, location, doing);
        } catch (ReleaseException | RuntimeException e) {
            close(); // closing rolls back what the work did
            throw e;
        }
    }

    private void reconnectIfClosed() throws ReleaseException {
        if (connection == null) {
            connect(readOnly);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Everything was committed or rolled back already; a failing close loses nothing.
            }
            connection = null;
        }
    }
}
