package io.jenkins.plugins.immutable.engine.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a ledger lives: a state folder holding {@code ledger.db} (SQLite, the default), or a shared PostgreSQL
 * database named {@code postgresql://HOST[:PORT]/DB?user=U} (also with a {@code jdbc:} prefix, as Jenkins' global
 * configuration takes it). A password never belongs in the text: it comes from {@code PGPASSWORD} or
 * {@code ~/.pgpass}, so that it is never on a command line, in a log or in a message.
 */
public final class LedgerLocation {

    /** The SQLite database file in a state folder. */
    public static final String SQLITE_FILE = "ledger.db";

    static final int DEFAULT_PORT = 5432;

    private final Path folder;
    private final String host;
    private final int port;
    private final String database;
    private final String user;

    private LedgerLocation(Path folder, String host, int port, String database, String user) {
        this.folder = folder;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
    }

    /** A state folder (SQLite). */
    public static LedgerLocation folder(Path dir) {
        return new LedgerLocation(dir.toAbsolutePath().normalize(), null, 0, null, null);
    }

    /** {@code true} when {@code text} names a database rather than a folder. */
    public static boolean isDatabaseUrl(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://") || t.startsWith("jdbc:postgresql://");
    }

    /**
     * A database URL, checked. {@code field} names the flag or setting it came from, for the message.
     *
     * @throws InvalidInputException when it is malformed or carries a password
     */
    public static LedgerLocation database(String text, String field, String defaultUser) throws InvalidInputException {
        String t = text.strip();
        if (t.regionMatches(true, 0, "jdbc:", 0, 5)) {
            t = t.substring(5);
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "not a database URL (" + e.getReason() + "): expected"
                    + " postgresql://HOST:PORT/DB?user=U");
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
            throw new InvalidInputException(field, "the URL carries a password: remove it and give the password in PGPASSWORD or"
                    + " ~/.pgpass instead (a password on a command line or in a setting is readable by others). Expected"
                    + " postgresql://HOST:PORT/DB?user=U");
        }
        Map<String, String> query = query(uri.getRawQuery());
        if (query.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("password"))) {
            throw new InvalidInputException(field, "the URL carries a password parameter: remove it and give the password in"
                    + " PGPASSWORD or ~/.pgpass instead. Expected postgresql://HOST:PORT/DB?user=U");
        }
        String host = uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (host == null || host.isBlank() || database.isBlank() || database.contains("/")) {
            throw new InvalidInputException(field, "'" + t + "' is not a database URL: expected postgresql://HOST:PORT/DB?user=U"
                    + " (a host and a database name)");
        }
        String user = query.get("user");
        if (user == null && uri.getUserInfo() != null) {
            user = uri.getUserInfo();
        }
        if (user == null || user.isBlank()) {
            user = defaultUser;
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new LedgerLocation(null, host, port, database, user);
    }

    /** {@code --state}'s value: a database URL, or a folder relative to the working directory. */
    public static LedgerLocation parse(String text, String field) throws InvalidInputException {
        if (isDatabaseUrl(text)) {
            return database(text, field, System.getProperty("user.name"));
        }
        return folder(Path.of(text));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    /** The state folder, or empty for a database. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    public boolean isDatabase() {
        return folder == null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The JDBC URL, without user or password (those go in connection properties). */
    public String jdbcUrl() {
        return folder != null ? "jdbc:sqlite:" + folder.resolve(SQLITE_FILE)
                : "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database;
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The text {@link #parse} reads back: the folder, or the database URL with its user (never a password). */
    public String text() {
        return folder != null ? folder.toString()
                : "postgresql://" + hostForUrl() + ":" + port + "/" + database + "?user=" + java.net.URLEncoder.encode(user,
                        StandardCharsets.UTF_8);
    }

    /** For messages: the folder's database file, or {@code host:port/db} with the user; never a password. */
    @Override
    public String toString() {
        return folder != null ? folder.resolve(SQLITE_FILE).toString()
                : "postgresql://" + hostForUrl() + ":" + port + "/" + database + " (user " + user + ")";
    }
}
