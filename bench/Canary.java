import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one wrk run of the canary benchmark (wrk-record.lua's per-request file and summary line) and prints one JSON
 * record.
 *
 * <pre>
 * Canary --kind steady --rep N --requests TSV --wrk SUMMARY_JSON
 * Canary --kind good --rep N --requests TSV --wrk SUMMARY_JSON --timed TIMED_JSON --old PAGE --new PAGE
 * Canary --kind aborted --rep N --requests TSV --wrk SUMMARY_JSON --timed TIMED_JSON --stderr STAMPED --stable PAGE --share N
 * </pre>
 *
 * <ul>
 * <li>steady: the p50/p99 of the whole run, the baseline.</li>
 * <li>good: the p50/p99 while both colours answered (from the first answer of the new page to the last of the old one:
 * the split) and while the command ran; non-2xx answers.</li>
 * <li>aborted: every non-2xx answer is the bad canary's. From the first bad answer's arrival (its start + latency) to:
 * the engine's failure verdict and its abort (the command's stamped stderr lines {@code step … failure} and
 * {@code aborted:}), and the start of the last request the router still sent the canary. The failed requests are
 * counted against all requests sent while the canary received traffic (first to last bad request start), which is what
 * the step's share predicts.</li>
 * </ul>
 * Fails (exit 1, one line on stderr) when the run does not show what it should: no bad answer in an aborted canary, or
 * the stable page not answering at its end; no split in a good canary. A good canary's non-2xx answers are reported
 * (bench/run then exits 3), not a failure of the helper.
 */
public final class Canary {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STAMP = Pattern.compile("^\\[\\+\\s*([0-9.,]+) ms\\] (.*)$");

    record Sample(long startUs, long latencyUs, int status, String body) {
        long endUs() {
            return startUs + latencyUs;
        }

        boolean ok() {
            return status >= 200 && status <= 299;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<Sample> samples = read(Path.of(o.get("requests")));
        if (samples.isEmpty()) {
            fail("the wrk run recorded no response at all (" + o.get("requests") + ")");
        }
        JsonNode wrk = JSON.readTree(Files.readString(Path.of(o.get("wrk"))));
        ObjectNode out = JSON.createObjectNode();
        out.put("bench", "canary");
        out.put("kind", o.get("kind"));
        out.put("rep", Integer.parseInt(o.get("rep")));
        out.set("run", stats(samples));
        out.put("socketErrorsTotal", wrk.path("errors").path("connect").asLong() + wrk.path("errors").path("read").asLong()
                + wrk.path("errors").path("write").asLong() + wrk.path("errors").path("timeout").asLong());
        JsonNode timed = o.containsKey("timed") ? JSON.readTree(Files.readString(Path.of(o.get("timed")))) : null;
        if (timed != null) {
            out.put("exit", timed.path("exit").asInt());
            out.put("commandMs", timed.path("commandMs").asDouble());
            out.set("commandWindow", stats(between(samples, timed.path("startEpochUs").asLong(), timed.path("endEpochUs").asLong())));
        }
        switch (o.get("kind")) {
            case "steady" -> { }
            case "good" -> good(out, samples, o.get("old"), o.get("new"));
            case "aborted" -> aborted(out, samples, timed, Path.of(o.get("stderr")), o.get("stable"), Integer.parseInt(o.get("share")));
            default -> fail("unknown --kind " + o.get("kind"));
        }
        System.out.println(JSON.writeValueAsString(out));
    }

    private static void good(ObjectNode out, List<Sample> samples, String oldPage, String newPage) {
        long firstNew = samples.stream().filter(s -> s.body().equals(newPage)).mapToLong(Sample::startUs).min().orElse(-1);
        long lastOld = samples.stream().filter(s -> s.body().equals(oldPage)).mapToLong(Sample::startUs).max().orElse(-1);
        if (firstNew < 0) {
            fail("good canary: no request was answered with " + newPage);
        }
        if (lastOld < firstNew) {
            fail("good canary: the old page " + oldPage + " never answered beside the new one: there was no split to measure");
        }
        ObjectNode split = stats(between(samples, firstNew, lastOld));
        split.put("durationMs", (lastOld - firstNew) / 1000.0);
        out.set("split", split);
        String last = samples.get(samples.size() - 1).body();
        out.put("endsOnNewPage", last.equals(newPage));
    }

    private static void aborted(ObjectNode out, List<Sample> samples, JsonNode timed, Path stderr, String stable, int share)
            throws Exception {
        List<Sample> bad = samples.stream().filter(s -> !s.ok()).toList();
        if (bad.isEmpty()) {
            fail("aborted canary: no request was answered with an error, so the bad canary never received traffic");
        }
        long firstBadStart = bad.stream().mapToLong(Sample::startUs).min().orElseThrow();
        long firstBadAnswer = bad.stream().mapToLong(Sample::endUs).min().orElseThrow();
        long lastBadStart = bad.stream().mapToLong(Sample::startUs).max().orElseThrow();
        long commandStart = timed.path("startEpochUs").asLong();
        Long verdictUs = stamped(stderr, commandStart, line -> line.contains("[canary]") && line.contains(": failure: "));
        Long abortUs = stamped(stderr, commandStart, line -> line.contains("[canary]") && line.contains(": aborted: "));
        if (verdictUs == null || abortUs == null) {
            fail("aborted canary: the command's stderr has no failure verdict or abort line (" + stderr + ")");
        }
        out.put("stepSharePercent", share);
        out.put("firstBadAfterCommandStartMs", (firstBadAnswer - commandStart) / 1000.0);
        out.put("verdictAfterFirstBadMs", (verdictUs - firstBadAnswer) / 1000.0);
        out.put("lastRequestToCanaryAfterFirstBadMs", (lastBadStart - firstBadAnswer) / 1000.0);
        out.put("abortReportedAfterFirstBadMs", (abortUs - firstBadAnswer) / 1000.0);
        List<Sample> during = between(samples, firstBadStart, lastBadStart);
        out.put("failedRequests", bad.size());
        out.put("requestsWhileCanaryServed", during.size());
        out.put("failedPercentOfThoseRequests", Math.round(10_000.0 * bad.size() / Math.max(1, during.size())) / 100.0);
        out.put("failedAfterAbortReported", bad.stream().filter(s -> s.startUs() > abortUs).count());
        Sample last = samples.get(samples.size() - 1);
        if (!last.body().equals(stable)) {
            fail("aborted canary: the last answer was '" + last.body() + "', not the stable page " + stable);
        }
    }

    /** The epoch µs of the first stamped stderr line that matches, or {@code null}. */
    private static Long stamped(Path stderr, long commandStartUs, java.util.function.Predicate<String> match) throws Exception {
        for (String line : Files.readAllLines(stderr)) {
            Matcher m = STAMP.matcher(line);
            if (m.matches() && match.test(m.group(2))) {
                return commandStartUs + Math.round(Double.parseDouble(m.group(1).replace(',', '.')) * 1000);
            }
        }
        return null;
    }

    private static List<Sample> between(List<Sample> samples, long fromUs, long toUs) {
        return samples.stream().filter(s -> s.startUs() >= fromUs && s.startUs() <= toUs).toList();
    }

    /** Requests, non-2xx, p50/p99/max latency (nearest rank). */
    private static ObjectNode stats(List<Sample> samples) {
        ObjectNode s = JSON.createObjectNode();
        s.put("requests", samples.size());
        s.put("non2xx", samples.stream().filter(x -> !x.ok()).count());
        long[] latencies = samples.stream().mapToLong(Sample::latencyUs).sorted().toArray();
        s.put("p50Ms", percentile(latencies, 50) / 1000.0);
        s.put("p99Ms", percentile(latencies, 99) / 1000.0);
        s.put("maxMs", latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0);
        return s;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static List<Sample> read(Path tsv) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t", 4);
            if (f.length >= 3) {
                samples.add(new Sample(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), f.length > 3 ? f[3] : ""));
            }
        }
        samples.sort((a, b) -> Long.compare(a.startUs(), b.startUs()));
        return samples;
    }

    private static void fail(String message) {
        System.err.println("Canary: " + message);
        System.exit(1);
    }

    private Canary() {
    }
}
