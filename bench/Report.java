import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Turns the raw measurements of one bench/run into bench/results.json and bench/RESULTS.md, and prints the tables.
 *
 * <pre>
 * Report --raw RAW.jsonl --machine MACHINE.json --config CONFIG.json --json OUT.json --markdown OUT.md
 * </pre>
 *
 * Every figure is a median over the repetitions with its spread (min–max), next to its baseline from the same run,
 * and the ratio of the two medians.
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<JsonNode> raw = new ArrayList<>();
    private final ObjectNode summary = JSON.createObjectNode();
    private final StringBuilder md = new StringBuilder();

    /** Median and spread of one series. */
    record Stat(int n, double median, double min, double max) {
        static Stat of(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                return new Stat(0, Double.NaN, Double.NaN, Double.NaN);
            }
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            return new Stat(v.length, median, v[0], v[v.length - 1]);
        }

        ObjectNode json() {
            ObjectNode o = JSON.createObjectNode();
            o.put("n", n);
            o.put("median", round(median));
            o.put("min", round(min));
            o.put("max", round(max));
            return o;
        }

        String text(String unit) {
            if (n == 0) {
                return "—";
            }
            return num(median) + unit + " (" + num(min) + "–" + num(max) + ")";
        }
    }

    public static void main(String[] args) throws Exception {
        String rawFile = null, machineFile = null, configFile = null, jsonOut = null, mdOut = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--raw" -> rawFile = args[i + 1];
                case "--machine" -> machineFile = args[i + 1];
                case "--config" -> configFile = args[i + 1];
                case "--json" -> jsonOut = args[i + 1];
                case "--markdown" -> mdOut = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Report r = new Report();
        for (String line : Files.readAllLines(Path.of(rawFile))) {
            if (!line.isBlank()) {
                r.raw.add(JSON.readTree(line));
            }
        }
        JsonNode machine = JSON.readTree(Files.readString(Path.of(machineFile)));
        JsonNode config = JSON.readTree(Files.readString(Path.of(configFile)));
        r.header(machine, config);
        // Only the benchmarks this run measured (--only): an empty table would look like a result.
        if (r.has("build")) {
            r.build();
            r.replay();
        }
        if (r.has("cutover")) {
            r.cutover(config);
        }
        if (r.has("rollback")) {
            r.rollback();
        }
        if (r.has("scale")) {
            r.scale(config);
        }
        if (r.has("canary")) {
            r.canary(config);
        }
        r.md.append("\nRaw figures, every repetition: [`results.json`](results.json). How each is measured: "
                + "[`README.md`](README.md).\n");

        ObjectNode all = JSON.createObjectNode();
        all.put("date", machine.path("date").asText());
        all.set("machine", machine);
        all.set("config", config);
        all.set("summary", r.summary);
        ArrayNode rawArray = all.putArray("raw");
        r.raw.forEach(rawArray::add);
        Files.writeString(Path.of(jsonOut), JSON.writeValueAsString(all) + "\n");
        Files.writeString(Path.of(mdOut), r.md.toString());
        System.out.print(r.md);
    }

    // ---- sections ------------------------------------------------------------------------------------------------

    private void header(JsonNode m, JsonNode c) {
        md.append("# Benchmark results\n\n");
        md.append("Written by `bench/run` on ").append(m.path("date").asText()).append(" (").append(c.path("totalSeconds").asText("?"))
                .append(" s for the whole run). Each figure is the **median** of ").append(c.path("reps").asInt())
                .append(" repetitions with its spread **(min–max)**, next to its baseline measured in the same run.\n\n");
        md.append("| machine | |\n| --- | --- |\n");
        row("CPU", m.path("cpu").asText() + ", " + m.path("cores").asText() + " cores");
        row("memory", m.path("memory").asText());
        row("kernel", m.path("kernel").asText());
        row("OS", m.path("os").asText());
        row("Docker", m.path("docker").asText());
        row("registry", m.path("registry").asText());
        row("HAProxy", m.path("haproxy").asText());
        row("Java", m.path("java").asText());
        row("wrk", m.path("wrk").asText());
        row("immutable", m.path("immutable").asText() + " (commit " + m.path("commit").asText() + ")");
        row("load average", "at start " + m.path("loadStart").asText() + "; at end " + m.path("loadEnd").asText()
                + "; 1-minute load every 5 s during the run: " + m.path("loadDuring").asText());
        md.append("\n").append(m.path("note").asText("")).append("\n");
    }

    /** A build or replay record's context: "small" or "realistic"; records written before there were two are "small". */
    private static String context(JsonNode r) {
        return r.path("context").asText("small");
    }

    private java.util.List<String> contexts() {
        return raw.stream().filter(r -> is(r, "build")).map(Report::context).distinct().toList();
    }

    private static String contextName(String context) {
        return "realistic".equals(context)
                ? "realistic context (about 38 MB in about 400 files, multi-stage `FROM scratch`; generated by the run)"
                : "small context (the static busybox and two pages)";
    }

    private void build() {
        md.append("\n## 1. Build overhead: `immutable build` vs `docker build` + `docker push`\n\n");
        md.append("The same context with one file changed before every build, the same daemon and registry, the two "
                + "alternating (each goes first in every other repetition).\n\n");
        md.append("| context | `immutable build` (input digest, build, push, registry check, provenance, ledger) "
                + "| baseline: docker build + push | ratio |\n| --- | --- | --- | --- |\n");
        ObjectNode all = summary.putObject("build");
        for (String context : contexts()) {
            Predicate<JsonNode> mine = r -> is(r, "build") && context.equals(context(r));
            Stat imm = stat(mine.and(r -> "immutable".equals(r.path("tool").asText())), r -> r.path("ms").asDouble());
            Predicate<JsonNode> docker = mine.and(r -> "docker".equals(r.path("tool").asText()));
            Stat both = stat(docker, r -> r.path("ms").asDouble());
            Stat dockerBuild = stat(docker, r -> r.path("buildMs").asDouble());
            Stat dockerPush = stat(docker, r -> r.path("pushMs").asDouble());
            ObjectNode s = all.putObject(context);
            s.set("immutableBuildMs", imm.json());
            s.set("dockerBuildPushMs", both.json());
            s.set("dockerBuildMs", dockerBuild.json());
            s.set("dockerPushMs", dockerPush.json());
            s.put("ratio", round(imm.median / both.median));
            md.append("| ").append(contextName(context)).append(" | ").append(imm.text(" ms"))
                    .append(" | ").append(both.text(" ms")).append(" (build ").append(dockerBuild.text(" ms")).append(", push ")
                    .append(dockerPush.text(" ms")).append(") | **").append(ratio(imm.median / both.median)).append("** |\n");
        }
    }

    private void replay() {
        md.append("\n## 2. Replay: `immutable build` of unchanged inputs vs the cold build just before\n\n");
        md.append("| context | replay (`reused: true`: input digest, one registry HEAD, no daemon call) "
                + "| baseline: the cold build of the same inputs | ratio |\n| --- | --- | --- | --- |\n");
        ObjectNode all = summary.putObject("replay");
        for (String context : contexts()) {
            Predicate<JsonNode> mine = r -> is(r, "replay") && context.equals(context(r));
            Stat cold = stat(mine, r -> r.path("coldMs").asDouble());
            Stat replay = stat(mine, r -> r.path("replayMs").asDouble());
            ObjectNode s = all.putObject(context);
            s.set("replayMs", replay.json());
            s.set("coldBuildMs", cold.json());
            s.put("ratio", round(replay.median / cold.median));
            md.append("| ").append(contextName(context)).append(" | ").append(replay.text(" ms"))
                    .append(" | ").append(cold.text(" ms")).append(" | **").append(ratio(replay.median / cold.median)).append("** |\n");
        }
        Stat floor = stat(r -> is(r, "floor"), r -> r.path("ms").asDouble());
        all.set("cliStartMs", floor.json());
        md.append("| for scale: `bin/immutable --version` (the launcher and a JVM that does nothing) | ").append(floor.text(" ms"))
                .append(" | | |\n");
    }

    private void cutover(JsonNode config) {
        ObjectNode s = summary.putObject("cutover");
        md.append("\n## 3. Cutover under load: wrk through HAProxy while `promote` and `rollback` switch colours\n\n");
        md.append("`wrk -t").append(config.path("connections").asInt()).append(" -c").append(config.path("connections").asInt())
                .append(" --latency -s wrk-record.lua` on loopback: a steady run lasts ").append(config.path("duration").asInt())
                .append(" s; under a command, the load starts ").append(config.path("lead").asText())
                .append(" s before the command and stops (SIGINT) ").append(config.path("lead").asText())
                .append(" s after it ended. The switch window is the ")
                .append(config.path("windowMs").asInt()).append(" ms around the moment traffic moved (the start of the "
                        + "first request the new colour answered); in a steady run, the middle ").append(config.path("windowMs").asInt())
                .append(" ms. Latencies are per request (wrk-record.lua); totals are summed over all runs.\n\n");
        md.append("| run | requests | non-2xx | socket errors (connect/read/write/timeout) | p50 / p99 whole run | "
                + "p50 / p99 while the command runs | p50 / p99 / max in the switch window | switch time (`switchMillis`) | "
                + "command wall time |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        Stat steadyWindowP99 = null;
        for (String phase : List.of("steady", "promote", "rollback")) {
            Predicate<JsonNode> p = r -> is(r, "cutover") && phase.equals(r.path("phase").asText());
            List<JsonNode> runs = select(p);
            long requests = runs.stream().mapToLong(r -> r.path("run").path("requests").asLong()).sum();
            long non2xx = runs.stream().mapToLong(r -> r.path("run").path("non2xx").asLong()).sum();
            long[] errors = new long[4];
            String[] kinds = {"connect", "read", "write", "timeout"};
            for (JsonNode r : runs) {
                for (int i = 0; i < 4; i++) {
                    errors[i] += r.path("socketErrors").path(kinds[i]).asLong();
                }
            }
            Stat p50 = stat(p, r -> r.path("run").path("p50Ms").asDouble());
            Stat p99 = stat(p, r -> r.path("run").path("p99Ms").asDouble());
            Stat wp50 = stat(p, r -> r.path("window").path("p50Ms").asDouble());
            Stat wp99 = stat(p, r -> r.path("window").path("p99Ms").asDouble());
            Stat wmax = stat(p, r -> r.path("window").path("maxMs").asDouble());
            Stat rps = stat(p, r -> r.path("run").path("requestsPerS").asDouble());
            ObjectNode o = s.putObject(phase);
            o.put("runs", runs.size());
            o.put("requests", requests);
            o.put("non2xx", non2xx);
            ObjectNode e = o.putObject("socketErrors");
            for (int i = 0; i < 4; i++) {
                e.put(kinds[i], errors[i]);
            }
            o.set("requestsPerS", rps.json());
            o.set("p50Ms", p50.json());
            o.set("p99Ms", p99.json());
            o.set("windowP50Ms", wp50.json());
            o.set("windowP99Ms", wp99.json());
            o.set("windowMaxMs", wmax.json());
            String switchText = "—";
            String commandText = "—";
            String duringText = "—";
            if (!phase.equals("steady")) {
                Stat sw = stat(p, r -> r.path("switchMillis").asDouble());
                Stat cmd = stat(p, r -> r.path("commandMs").asDouble());
                o.set("switchMillis", sw.json());
                o.set("commandMs", cmd.json());
                switchText = sw.text(" ms");
                commandText = cmd.text(" ms");
                Stat cp50 = stat(p, r -> r.path("commandWindow").path("p50Ms").asDouble());
                Stat cp99 = stat(p, r -> r.path("commandWindow").path("p99Ms").asDouble());
                o.set("commandP50Ms", cp50.json());
                o.set("commandP99Ms", cp99.json());
                duringText = num(cp50.median) + " / " + num(cp99.median) + " ms";
                o.put("windowP99VsSteady", round(wp99.median / steadyWindowP99.median));
            } else {
                steadyWindowP99 = wp99;
            }
            md.append("| ").append(phase.equals("steady") ? "steady state (baseline)" : "while `" + phase + "` runs")
                    .append(" | ").append(requests).append(" (").append(num(rps.median)).append("/s)")
                    .append(" | ").append(non2xx == 0 ? "0" : "**" + non2xx + "**")
                    .append(" | ").append(errors[0] + errors[1] + errors[2] + errors[3] == 0 ? "" : "**")
                    .append(errors[0]).append("/").append(errors[1]).append("/").append(errors[2]).append("/").append(errors[3])
                    .append(errors[0] + errors[1] + errors[2] + errors[3] == 0 ? "" : "**")
                    .append(" | ").append(num(p50.median)).append(" / ").append(num(p99.median)).append(" ms")
                    .append(" | ").append(duringText)
                    .append(" | ").append(num(wp50.median)).append(" / ").append(num(wp99.median)).append(" / ").append(num(wmax.median))
                    .append(" ms (p99 ").append(num(wp99.min)).append("–").append(num(wp99.max)).append(")")
                    .append(" | ").append(switchText).append(" | ").append(commandText).append(" |\n");
        }
        ObjectNode promote = (ObjectNode) s.path("promote");
        ObjectNode rollback = (ObjectNode) s.path("rollback");
        md.append("\nSwitch-window p99 vs steady-state window p99: **").append(ratio(promote.path("windowP99VsSteady").asDouble()))
                .append("** during a promote, **").append(ratio(rollback.path("windowP99VsSteady").asDouble()))
                .append("** during a rollback.");
        Predicate<JsonNode> switched = r -> is(r, "cutover") && r.has("handover");
        Stat both = stat(switched, r -> r.path("handover").path("bothServedMs").asDouble());
        Stat since = stat(switched, r -> r.path("activeSinceAfterSwitchMs").asDouble());
        long late = select(switched).stream().mapToLong(r -> r.path("handover").path("oldAnswersAfterFirstNew").asLong()).sum();
        long others = select(switched).stream().mapToLong(r -> r.path("handover").path("otherAnswers").asLong()).sum();
        s.set("bothColoursServedMs", both.json());
        s.put("oldAnswersAfterFirstNew", late);
        s.put("answersFromNeitherPage", others);
        s.set("activeSinceAfterSwitchMs", since.json());
        md.append("\n\nThe handover as wrk saw it (every answer names its image): after the first request the new colour "
                + "answered, the old colour still answered requests sent up to ").append(both.text(" ms"))
                .append(" later (").append(late).append(" such answers over all switches): both colours take new requests "
                        + "between HAProxy's `state ready` of the new colour and `state drain` of the old. Answers from "
                        + "neither page: ").append(others).append(". The engine's `active.since` comes ").append(since.text(" ms"))
                .append(" after the first answer from the new colour (it is recorded once the old colour has drained).\n");
    }

    private void rollback() {
        ObjectNode s = summary.putObject("rollback");
        md.append("\n## 4. Rollback: from command start to the router answering with the old version\n\n");
        md.append("A poller GETs the HAProxy frontend in a loop (a new connection each time, 0.5 ms apart) while the command "
                + "runs; the time is from starting `bin/immutable rollback` to the first answer with the target's page.\n\n");
        md.append("| rollback to | to the router answering | command wall time | switch time (`switchMillis`) | "
                + "answers other than the old or new page |\n| --- | --- | --- | --- | --- |\n");
        Stat warmTo = null;
        for (String kind : List.of("warm", "cold")) {
            Predicate<JsonNode> p = r -> is(r, "rollback") && kind.equals(r.path("kind").asText());
            Stat to = stat(p, r -> r.path("toRouterMs").asDouble());
            Stat cmd = stat(p, r -> r.path("commandMs").asDouble());
            Stat sw = stat(p, r -> r.path("switchMillis").asDouble());
            long unexpected = 0;
            for (JsonNode r : select(p)) {
                for (JsonNode n : r.path("unexpected")) {
                    unexpected += n.asLong();
                }
            }
            ObjectNode o = s.putObject(kind);
            o.set("toRouterMs", to.json());
            o.set("commandMs", cmd.json());
            o.set("switchMillis", sw.json());
            o.put("unexpectedAnswers", unexpected);
            md.append("| ").append(kind.equals("warm") ? "a warm colour (`rollback`: a router switch)"
                            : "a cold one (`rollback --to` a retired release: start a container, pass health, switch)")
                    .append(" | **").append(to.text(" ms")).append("** | ").append(cmd.text(" ms")).append(" | ")
                    .append(sw.text(" ms")).append(" | ").append(unexpected == 0 ? "0" : "**" + unexpected + "**").append(" |\n");
            if (kind.equals("warm")) {
                warmTo = to;
            } else {
                s.put("coldVsWarm", round(to.median / warmTo.median));
                md.append("\nCold vs warm: **").append(ratio(to.median / warmTo.median)).append("**.\n");
            }
        }
    }

    private void scale(JsonNode config) {
        ObjectNode s = summary.putObject("scale");
        List<Integer> sizes = new ArrayList<>();
        config.path("sizes").forEach(n -> sizes.add(n.asInt()));
        md.append("\n## 5. Scale: commands with 0, ");
        md.append(String.join(" and ", sizes.stream().filter(n -> n > 0).map(n -> String.format(Locale.ROOT, "%,d", n)).toList()));
        md.append(" releases in the ledger\n\n");
        md.append("The ledger is SQLite (`ledger.db` in a state folder, imported from a journal of that many releases by the "
                + "setup deploy) and, beside it, PostgreSQL (a database of its own on the server of `scripts/services`, loaded "
                + "through the engine's `Ledger`). Wall time and peak memory (max RSS, GNU time) of the whole command "
                + "(`bin/immutable`, with its class-data-sharing archive), the JVM's default heap settings; the baseline is "
                + "the same command on the same back end with an empty ledger.\n\n");
        md.append("| back end | command | releases | wall time | vs empty | max RSS | vs empty |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        for (String backend : List.of("sqlite", "postgresql"))
        for (String op : List.of("releases", "status", "deploy")) {
            if (stat(r -> is(r, "scale") && backend.equals(r.path("backend").asText("sqlite")), r -> 1).n == 0) {
                continue;
            }
            ObjectNode o = (s.has(backend) ? (ObjectNode) s.get(backend) : s.putObject(backend)).putObject(op);
            Stat base = null;
            Stat baseRss = null;
            for (int size : sizes) {
                Predicate<JsonNode> p = r -> is(r, "scale") && backend.equals(r.path("backend").asText("sqlite"))
                        && op.equals(r.path("op").asText()) && r.path("size").asInt() == size;
                Stat ms = stat(p, r -> r.path("ms").asDouble());
                Stat rss = stat(p, r -> r.path("maxRssKb").asDouble() / 1024);
                ObjectNode so = o.putObject(Integer.toString(size));
                so.set("ms", ms.json());
                so.set("maxRssMb", rss.json());
                if (size == 0) {
                    base = ms;
                    baseRss = rss;
                } else {
                    so.put("msVsEmpty", round(ms.median / base.median));
                    so.put("rssVsEmpty", round(rss.median / baseRss.median));
                }
                String command = switch (op) {
                    case "releases" -> "`releases --output json`";
                    case "status" -> "`status --env`";
                    default -> "`deploy` (start, health, switch)";
                };
                md.append("| ").append(backend.equals("sqlite") ? "SQLite" : "PostgreSQL").append(" | ").append(command)
                        .append(" | ").append(String.format(Locale.ROOT, "%,d", size))
                        .append(" | ").append(ms.text(" ms")).append(" | ").append(size == 0 ? "baseline" : "**" + ratio(ms.median / base.median) + "**")
                        .append(" | ").append(rss.text(" MB")).append(" | ").append(size == 0 ? "baseline" : ratio(rss.median / baseRss.median))
                        .append(" |\n");
            }
        }
    }

    private void canary(JsonNode config) {
        ObjectNode s = summary.putObject("canary");
        Predicate<JsonNode> aborted = r -> is(r, "canary") && "aborted".equals(r.path("kind").asText());
        Predicate<JsonNode> good = r -> is(r, "canary") && "good".equals(r.path("kind").asText());
        Predicate<JsonNode> steady = r -> is(r, "canary") && "steady".equals(r.path("kind").asText());
        int share = select(aborted).stream().mapToInt(r -> r.path("stepSharePercent").asInt()).findFirst().orElse(0);
        md.append("\n## 6. Canary: an aborted canary, and a good canary's cost to latency\n\n");
        md.append("`wrk -t").append(config.path("connections").asInt()).append(" -c").append(config.path("connections").asInt())
                .append(" --latency -s wrk-record.lua` through HAProxy on loopback, from ").append(config.path("lead").asText())
                .append(" s before each `deploy --strategy canary` to ").append(config.path("lead").asText())
                .append(" s after it (interval 2 s, max error rate 1%, min 20 requests). The bad release answers 500 to every "
                        + "page request (its health check passes); its canary gets ").append(share).append("% of new requests at "
                        + "step 1. Each figure is the median (min–max) of ").append(select(aborted).size()).append(" repetitions.\n\n");

        Stat verdict = stat(aborted, r -> r.path("verdictAfterFirstBadMs").asDouble());
        Stat lastReq = stat(aborted, r -> r.path("lastRequestToCanaryAfterFirstBadMs").asDouble());
        Stat reported = stat(aborted, r -> r.path("abortReportedAfterFirstBadMs").asDouble());
        Stat failed = stat(aborted, r -> r.path("failedRequests").asDouble());
        Stat during = stat(aborted, r -> r.path("requestsWhileCanaryServed").asDouble());
        Stat percent = stat(aborted, r -> r.path("failedPercentOfThoseRequests").asDouble());
        long afterAbort = select(aborted).stream().mapToLong(r -> r.path("failedAfterAbortReported").asLong()).sum();
        Stat abortCmd = stat(aborted, r -> r.path("commandMs").asDouble());
        ObjectNode a = s.putObject("aborted");
        a.put("stepSharePercent", share);
        a.set("verdictAfterFirstBadMs", verdict.json());
        a.set("lastRequestToCanaryAfterFirstBadMs", lastReq.json());
        a.set("abortReportedAfterFirstBadMs", reported.json());
        a.set("failedRequests", failed.json());
        a.set("requestsWhileCanaryServed", during.json());
        a.set("failedPercentOfThoseRequests", percent.json());
        a.put("failedAfterAbortReported", afterAbort);
        a.set("commandMs", abortCmd.json());
        md.append("| aborted canary (exit 4) | figure |\n| --- | --- |\n");
        md.append("| from the first bad answer to the engine's failure verdict (the poll that saw it) | **").append(verdict.text(" ms"))
                .append("** |\n");
        md.append("| from the first bad answer to the last request HAProxy still sent the canary (its weight set to 0) | **")
                .append(lastReq.text(" ms")).append("** |\n");
        md.append("| from the first bad answer to the abort reported done (drained, in `maint`; before the container's removal) | ")
                .append(reported.text(" ms")).append(" |\n");
        md.append("| failed requests seen by the clients | ").append(failed.text("")).append(" of ").append(during.text(""))
                .append(" sent while the canary was served |\n");
        md.append("| failed share of those requests vs the step's share | **").append(percent.text("%")).append("** vs ")
                .append(share).append("% |\n");
        md.append("| failed requests sent after the abort was reported | ").append(afterAbort == 0 ? "0" : "**" + afterAbort + "**")
                .append(" |\n");
        md.append("| the deploy's wall time (JVM, start, health gate, canary, abort, removal) | ").append(abortCmd.text(" ms")).append(" |\n");

        Stat steadyP50 = stat(steady, r -> r.path("run").path("p50Ms").asDouble());
        Stat steadyP99 = stat(steady, r -> r.path("run").path("p99Ms").asDouble());
        Stat splitP50 = stat(good, r -> r.path("split").path("p50Ms").asDouble());
        Stat splitP99 = stat(good, r -> r.path("split").path("p99Ms").asDouble());
        Stat splitMs = stat(good, r -> r.path("split").path("durationMs").asDouble());
        Stat cmdP99 = stat(good, r -> r.path("commandWindow").path("p99Ms").asDouble());
        Stat goodCmd = stat(good, r -> r.path("commandMs").asDouble());
        long goodErrors = select(good).stream().mapToLong(r -> r.path("run").path("non2xx").asLong() + r.path("socketErrorsTotal").asLong())
                .sum();
        ObjectNode g = s.putObject("good");
        g.set("steadyP99Ms", steadyP99.json());
        g.set("splitP99Ms", splitP99.json());
        g.set("commandWindowP99Ms", cmdP99.json());
        g.put("splitP99VsSteady", round(splitP99.median / steadyP99.median));
        g.put("non2xxAndSocketErrors", goodErrors);
        md.append("\n| good canary (steps ").append(share).append(",50,100) | p50 | p99 | vs steady p99 |\n| --- | --- | --- | --- |\n");
        md.append("| baseline: steady state, one colour, ").append(config.path("duration").asInt()).append(" s | ")
                .append(steadyP50.text(" ms")).append(" | ").append(steadyP99.text(" ms")).append(" | baseline |\n");
        md.append("| while both colours served (the split, ").append(splitMs.text(" ms")).append(") | ").append(splitP50.text(" ms"))
                .append(" | ").append(splitP99.text(" ms")).append(" | **").append(ratio(splitP99.median / steadyP99.median))
                .append("** |\n");
        md.append("| while the deploy ran (start, health gate, canary, switch; ").append(goodCmd.text(" ms")).append(") | | ")
                .append(cmdP99.text(" ms")).append(" | ").append(ratio(cmdP99.median / steadyP99.median)).append(" |\n");
        md.append("\nNon-2xx answers and socket errors during the good canaries: ")
                .append(goodErrors == 0 ? "0" : "**" + goodErrors + "**").append(".\n");
    }

    private boolean has(String bench) {
        return raw.stream().anyMatch(r -> is(r, bench));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static boolean is(JsonNode r, String bench) {
        return bench.equals(r.path("bench").asText());
    }

    private List<JsonNode> select(Predicate<JsonNode> p) {
        return raw.stream().filter(p).toList();
    }

    private Stat stat(Predicate<JsonNode> p, ToDoubleFunction<JsonNode> f) {
        return Stat.of(Arrays.stream(select(p).stream().mapToDouble(f).toArray()).boxed().toList());
    }

    private void row(String k, String v) {
        md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n");
    }

    static double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? 0 : Math.round(v * 1000) / 1000.0;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "—";
        }
        return (v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v)) + "×";
    }
}
