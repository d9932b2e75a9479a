import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes a ledger journal holding many releases, for the scale benchmark:
 *
 * <pre>
 * Ledgers --count N --registry HOST:PORT --out DIR/journal.jsonl
 * </pre>
 *
 * The file is what the engine's {@code ledger.Journal} writes: the header line
 * {@code {"ledger":"immutable-release","version":1}}, then one {@code "type":"release"} line per release with the fields
 * in the order {@code JournalCodec} writes them (id, app, ref, inputDigest, sourceUri, sourceRevision, created,
 * builderId). The releases are distinct and plausible: 40 applications in 8 teams, image and input digests that are
 * real SHA-256 values (of a counter, so runs are reproducible), git-like revisions, creation times about ten minutes
 * apart over the last two years, built by Jenkins jobs mostly and by the CLI sometimes. Deterministic: the same
 * arguments write the same bytes.
 */
public final class Ledgers {

    private static final String HEADER = "{\"ledger\":\"immutable-release\",\"version\":1}\n";
    private static final int APPS = 40;
    private static final int TEAMS = 8;

    public static void main(String[] args) throws Exception {
        int count = -1;
        String registry = null;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[i + 1]);
                case "--registry" -> registry = args[i + 1];
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (count < 0 || registry == null || out == null) {
            throw new IllegalArgumentException("usage: Ledgers --count N --registry HOST:PORT --out FILE");
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        HexFormat hex = HexFormat.of();
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        Duration step = Duration.ofMinutes(10);
        Instant start = end.minus(step.multipliedBy(count));
        Set<String> ids = new HashSet<>();
        int[] builds = new int[APPS];
        int written = 0;
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            for (long n = 0; written < count; n++) {
                String digest = hex.formatHex(sha256.digest(("bench-image-" + n).getBytes(StandardCharsets.UTF_8)));
                String id = "rel-" + digest.substring(0, 12);
                if (!ids.add(id)) {
                    continue; // two digests sharing their first 12 hex digits would be one release id
                }
                int app = (int) ((n * 7919) % APPS);
                int team = app % TEAMS;
                String name = "app-" + app;
                String repository = registry + "/team-" + team + "/" + name;
                String input = hex.formatHex(sha256.digest(("bench-input-" + n).getBytes(StandardCharsets.UTF_8)));
                String revision = hex.formatHex(sha1.digest(("bench-commit-" + n).getBytes(StandardCharsets.UTF_8)));
                // ten minutes apart, with a deterministic jitter of up to 5 minutes and nanoseconds like a real clock
                long jitterNanos = Math.floorMod(digest.hashCode() * 2654435761L, 300_000_000_000L);
                Instant created = start.plus(step.multipliedBy(written)).plusNanos(jitterNanos);
                int build = ++builds[app];
                String builder = n % 10 == 9 ? "cli@build-host-" + team
                        : "https://ci.example.com/job/team-" + team + "/job/" + name + "/" + build + "/";
                w.write("{\"type\":\"release\",\"id\":\"" + id + "\",\"app\":\"" + name + "\",\"ref\":\"" + repository
                        + "@sha256:" + digest + "\",\"inputDigest\":\"sha256:" + input + "\",\"sourceUri\":\"https://git.example.com/team-"
                        + team + "/" + name + ".git\",\"sourceRevision\":\"" + revision + "\",\"created\":\"" + created
                        + "\",\"builderId\":\"" + builder + "\"}\n");
                written++;
            }
        }
        System.out.println(written + " releases in " + out + " (" + Files.size(out) + " bytes)");
    }
}
