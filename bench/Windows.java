import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one wrk run of the cutover benchmark (the per-request file and the summary line of wrk-record.lua) and prints
 * one JSON record: totals for the whole run, and the same figures for a window of {@code --window-ms} around the
 * router switch. The switch instant is the start of the first request that the new colour answered (the page names
 * the image), or, when no request reached it, the command's {@code active.since}; a steady run has no switch, and its
 * window is the middle of the run, so the two windows compare like with like.
 *
 * <pre>
 * Windows --phase steady|promote|rollback --rep N --requests TSV --wrk SUMMARY_JSON --window-ms MS
 *         [--timed TIMED_JSON --result COMMAND_JSON] [--old PAGE --new PAGE]
 * </pre>
 *
 * Fails (exit 1, one line on stderr) when the window does not lie inside the load: the figures would then describe
 * less than they claim.
 */
public final class Windows {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Sample(long startUs, long latencyUs, int status, String body) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<Sample> samples = read(Path.of(o.get("requests")));
        JsonNode wrk = JSON.readTree(Files.readString(Path.of(o.get("wrk"))));
        long windowUs = Long.parseLong(o.getOrDefault("window-ms", "1000")) * 1000;
        if (samples.isEmpty()) {
            fail("the wrk run recorded no response at all (" + o.get("requests") + ")");
        }
        long firstUs = samples.get(0).startUs();
        long lastUs = samples.get(samples.size() - 1).startUs();

        ObjectNode out = JSON.createObjectNode();
        out.put("bench", "cutover");
        out.put("phase", o.get("phase"));
        out.put("rep", Integer.parseInt(o.get("rep")));
        out.put("durationS", (lastUs - firstUs) / 1e6);
        out.set("run", stats(samples));
        out.put("wrkRequests", wrk.path("requests").asLong());
        ObjectNode errors = out.putObject("socketErrors");
        for (String kind : List.of("connect", "read", "write", "timeout")) {
            errors.put(kind, wrk.path("errors").path(kind).asLong());
        }
        out.put("socketErrorsTotal", errors.path("connect").asLong() + errors.path("read").asLong()
                + errors.path("write").asLong() + errors.path("timeout").asLong());
        ObjectNode wrkLatency = out.putObject("wrkLatencyMs");
        for (String p : List.of("p50", "p99", "max")) {
            wrkLatency.put(p, wrk.path("latencyUs").path(p).asLong() / 1000.0);
        }

        long centreUs;
        Long firstNewUs = o.containsKey("new") ? firstStart(samples, o.get("new")) : null;
        if (o.containsKey("result")) {
            JsonNode result = JSON.readTree(Files.readString(Path.of(o.get("result"))));
            JsonNode timed = JSON.readTree(Files.readString(Path.of(o.get("timed"))));
            String since = result.path("active").path("since").asText(null);
            if (since == null) {
                fail("the command's JSON has no active.since: " + o.get("result"));
            }
            Instant at = Instant.parse(since);
            long sinceUs = at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
            // The moment traffic moved, as the clients saw it: the first request the new colour answered. active.since
            // comes later (the engine records it after the old colour drained); it is kept for comparison.
            centreUs = firstNewUs != null ? firstNewUs : sinceUs;
            out.put("switchAtSource", firstNewUs != null ? "first answer from the new colour" : "active.since");
            out.put("activeSinceAfterSwitchMs", (sinceUs - centreUs) / 1000.0);
            out.put("switchMillis", result.path("switchMillis").isNumber() ? result.path("switchMillis").asLong() : -1);
            out.put("commandMs", timed.path("commandMs").asDouble());
            long cmdStart = timed.path("startEpochUs").asLong();
            long cmdEnd = timed.path("endEpochUs").asLong();
            out.put("switchAfterCommandStartMs", (centreUs - cmdStart) / 1000.0);
            out.set("commandWindow", window(samples, cmdStart, cmdEnd, centreUs));
            // informative: the switch window (checked below) is what must lie inside the load
            out.put("commandInsideLoad", cmdStart >= firstUs && cmdEnd <= lastUs);
            out.put("commandStartS", (cmdStart - firstUs) / 1e6);
            out.put("commandEndS", (cmdEnd - firstUs) / 1e6);
        } else {
            centreUs = firstUs + (lastUs - firstUs) / 2;
        }
        long from = centreUs - windowUs / 2;
        long to = centreUs + windowUs / 2;
        if (from < firstUs || to > lastUs) {
            fail(o.get("phase") + ": the " + windowUs / 1000 + " ms window around the switch (" + rel(from, firstUs) + " to "
                    + rel(to, firstUs) + " s) is not inside the load (0 to " + rel(lastUs, firstUs) + " s): lengthen --duration");
        }
        out.put("switchAtS", (centreUs - firstUs) / 1e6);
        out.set("window", window(samples, from, to, centreUs));
        if (o.containsKey("old")) {
            if (firstNewUs == null) {
                fail(o.get("phase") + ": no request under load was answered with " + o.get("new") + ", though the command"
                        + " says it moved traffic there (see " + o.get("requests") + ")");
            }
            out.set("handover", handover(samples, centreUs, o.get("old"), o.get("new")));
        }
        System.out.println(JSON.writeValueAsString(out));
    }

    private static ObjectNode window(List<Sample> samples, long fromUs, long toUs, long centreUs) {
        List<Sample> in = new ArrayList<>();
        for (Sample s : samples) {
            if (s.startUs() >= fromUs && s.startUs() <= toUs) {
                in.add(s);
            }
        }
        ObjectNode w = stats(in);
        w.put("fromMs", (fromUs - centreUs) / 1000.0);
        w.put("toMs", (toUs - centreUs) / 1000.0);
        return w;
    }

    /** Requests, non-2xx by status, latency percentiles (nearest rank) and requests per second. */
    private static ObjectNode stats(List<Sample> samples) {
        ObjectNode s = JSON.createObjectNode();
        s.put("requests", samples.size());
        Map<String, Integer> non2xx = new TreeMap<>();
        long[] latencies = new long[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample x = samples.get(i);
            latencies[i] = x.latencyUs();
            if (x.status() < 200 || x.status() > 299) {
                non2xx.merge(Integer.toString(x.status()), 1, Integer::sum);
            }
        }
        s.put("non2xx", non2xx.values().stream().mapToInt(Integer::intValue).sum());
        s.set("non2xxByStatus", JSON.valueToTree(non2xx));
        Arrays.sort(latencies);
        s.put("p50Ms", percentile(latencies, 50) / 1000.0);
        s.put("p99Ms", percentile(latencies, 99) / 1000.0);
        s.put("maxMs", latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0);
        if (samples.size() > 1) {
            double seconds = (samples.get(samples.size() - 1).startUs() - samples.get(0).startUs()) / 1e6;
            s.put("requestsPerS", Math.round(samples.size() / Math.max(seconds, 1e-3)));
        }
        return s;
    }

    /** Which page answered, and when (by request start, relative to the switch) the last old and first new page came. */
    private static ObjectNode handover(List<Sample> samples, long centreUs, String oldPage, String newPage) {
        ObjectNode h = JSON.createObjectNode();
        long lastOld = Long.MIN_VALUE;
        long firstNew = Long.MAX_VALUE;
        int olds = 0;
        int news = 0;
        int others = 0;
        for (Sample s : samples) {
            if (s.body().equals(oldPage)) {
                olds++;
                lastOld = Math.max(lastOld, s.startUs());
            } else if (s.body().equals(newPage)) {
                news++;
                firstNew = Math.min(firstNew, s.startUs());
            } else {
                others++;
            }
        }
        int oldAfterFirstNew = 0;
        for (Sample s : samples) {
            if (s.body().equals(oldPage) && s.startUs() > firstNew) {
                oldAfterFirstNew++;
            }
        }
        h.put("oldPage", oldPage);
        h.put("newPage", newPage);
        h.put("oldAnswers", olds);
        h.put("newAnswers", news);
        h.put("otherAnswers", others);
        if (olds > 0) {
            h.put("lastOldStartMs", (lastOld - centreUs) / 1000.0);
        }
        if (news > 0) {
            h.put("firstNewStartMs", (firstNew - centreUs) / 1000.0);
        }
        // Requests sent after the first one the new colour answered, yet answered by the old colour: both colours
        // took new requests for bothServedMs.
        h.put("oldAnswersAfterFirstNew", oldAfterFirstNew);
        h.put("bothServedMs", olds > 0 && news > 0 ? Math.max(0, (lastOld - firstNew) / 1000.0) : 0);
        return h;
    }

    private static Long firstStart(List<Sample> samples, String page) {
        for (Sample s : samples) {
            if (s.body().equals(page)) {
                return s.startUs();
            }
        }
        return null;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static List<Sample> read(Path file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", 4);
            samples.add(new Sample(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), f.length > 3 ? f[3] : ""));
        }
        samples.sort((a, b) -> Long.compare(a.startUs(), b.startUs()));
        return samples;
    }

    private static String rel(long us, long originUs) {
        return String.format("%.2f", (us - originUs) / 1e6);
    }

    private static void fail(String message) {
        System.err.println("Windows: " + message);
        System.exit(1);
    }
}
