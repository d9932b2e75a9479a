package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The password for a PostgreSQL ledger, as libpq finds it: {@code PGPASSWORD}, else the password file
 * ({@code PGPASSFILE}, else {@code ~/.pgpass}): lines {@code hostname:port:database:username:password}, where
 * {@code *} matches anything, {@code \:} and {@code \\} escape, {@code #} starts a comment, and the first matching
 * line wins. The JDBC driver reads neither by itself. The password only ever goes into the connection's properties.
 */
final class PgPass {

    private PgPass() {
    }

    static Optional<String> password(LedgerLocation location, Map<String, String> env) {
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        String named = env.get("PGPASSFILE");
        Path file = named != null && !named.isBlank() ? Path.of(named)
                : Path.of(System.getProperty("user.home"), ".pgpass");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty(); // no file is the usual case; an unreadable one behaves as libpq does: not used
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() == 5 && matches(fields.get(0), location.host()) && matches(fields.get(1), String.valueOf(location.port()))
                    && matches(fields.get(2), location.database()) && matches(fields.get(3), location.user())) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** Splits on unescaped colons, undoing {@code \:} and {@code \\}. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
