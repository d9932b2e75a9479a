package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The two real back ends a ledger test runs against: SQLite in a fresh folder, and PostgreSQL (the server
 * {@code scripts/services start} runs, named by {@code IMMUTABLE_POSTGRES_URL}) in a fresh database per test,
 * dropped afterwards. A missing server is a failure that says how to start it, never a skip.
 */
final class Backends implements AutoCloseable {

    enum Kind {
        SQLITE, POSTGRESQL
    }

    private final List<String> databases = new ArrayList<>();
    private LedgerLocation admin;

    /** A ledger location of {@code kind} that nothing has written to yet. */
    LedgerLocation fresh(Kind kind, Path tempDir) throws Exception {
        if (kind == Kind.SQLITE) {
            return LedgerLocation.folder(tempDir.resolve("state-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        LedgerLocation server = server();
        String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        databases.add(name);
        return LedgerLocation.database(server.text().replace("/" + server.database() + "?", "/" + name + "?"), "test", "immutable");
    }

    static LedgerLocation server() throws Exception {
        String url = System.getenv("IMMUTABLE_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new AssertionError("IMMUTABLE_POSTGRES_URL is not set: the ledger tests need the PostgreSQL server of"
                    + " scripts/services. Run: scripts/services start && eval \"$(scripts/services env)\"");
        }
        return LedgerLocation.database(url, "IMMUTABLE_POSTGRES_URL", "immutable");
    }

    Ledger open(LedgerLocation location) {
        return Ledger.open(location, Clock.systemUTC(), System.getenv(), note -> { });
    }

    static Connection connect(LedgerLocation location) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", location.user());
        PgPass.password(location, System.getenv()).ifPresent(pw -> p.setProperty("password", pw));
        return DriverManager.getConnection(location.jdbcUrl(), p);
    }

    @Override
    public void close() throws Exception {
        if (databases.isEmpty()) {
            return;
        }
        try (Connection c = connect(server()); Statement s = c.createStatement()) {
            for (String name : databases) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
