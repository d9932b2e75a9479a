import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the releases of a journal that {@link Ledgers} wrote into a PostgreSQL ledger, through the engine's own
 * {@code Ledger} (its schema, its rows), in one transaction: the PostgreSQL side of the scale benchmark.
 *
 * <pre>
 * LedgerLoad --journal DIR/journal.jsonl --state postgresql://HOST:PORT/DB?user=U     (password: PGPASSWORD)
 * </pre>
 *
 * Run with the CLI's jar on the class path (the engine, its drivers and Jackson).
 */
public final class LedgerLoad {

    public static void main(String[] args) throws Exception {
        Path journal = null;
        String state = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--journal" -> journal = Path.of(args[i + 1]);
                case "--state" -> state = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (journal == null || state == null) {
            throw new IllegalArgumentException("usage: LedgerLoad --journal FILE --state postgresql://HOST:PORT/DB?user=U");
        }
        ObjectMapper json = new ObjectMapper();
        List<Release> releases = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            in.readLine(); // the header
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode r = json.readTree(line);
                releases.add(new Release(r.get("id").asText(), r.get("app").asText(), ImageRef.parse(r.get("ref").asText()),
                        Digest.parse(r.get("inputDigest").asText()), r.get("sourceUri").asText(), r.get("sourceRevision").asText(),
                        Instant.parse(r.get("created").asText()), r.get("builderId").asText()));
            }
        }
        try (Ledger ledger = Ledger.open(LedgerLocation.database(state, "--state", "immutable"), Clock.systemUTC(), System.getenv(),
                note -> { })) {
            ledger.recordReleases(releases);
        }
        System.err.println("LedgerLoad: " + releases.size() + " releases into " + LedgerLocation.database(state, "--state", "immutable"));
    }
}
