package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.api.CanaryReport;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ColourView;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people and scripts see: the text tables, the JSON shapes, and where the engine's events go. */
class OutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine();

    private CliRun.Result run(String... args) {
        return new CliRun().engine(engine).run(args);
    }

    @Test
    void releasesTableIsAlignedNewestFirst() {
        CliRun.Result result = run("releases");

        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("RELEASE").contains("CREATED").contains("IMAGE REF").contains("INPUT")
                .contains("REVISION").contains("RUNS NOW");
        assertThat(lines.get(1)).startsWith(FakeEngine.RELEASE_2.id()).contains("staging/green ACTIVE");
        assertThat(lines.get(2)).startsWith(FakeEngine.RELEASE_1.id()).contains("2026-11-23 04:30:12Z")
                .contains(FakeEngine.REF_1.toString()).contains("sha256:9f9f9f9f9f9f ").contains("0123456789ab ")
                .contains("staging/blue WARM");
        // aligned: every column starts at the same offset on every line
        for (String header : new String[] {"CREATED", "IMAGE REF", "INPUT", "REVISION", "RUNS NOW"}) {
            int column = lines.get(0).indexOf(header);
            assertThat(lines.get(1).charAt(column - 1)).as(header).isEqualTo(' ');
            assertThat(lines.get(1).charAt(column)).as(header).isNotEqualTo(' ');
            assertThat(lines.get(2).charAt(column)).as(header).isNotEqualTo(' ');
        }
    }

    @Test
    void releasesJsonIsAnArray() throws Exception {
        JsonNode array = JSON.readTree(run("releases", "--output", "json").out());

        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        JsonNode newest = array.get(0);
        assertThat(newest.get("id").asText()).isEqualTo(FakeEngine.RELEASE_2.id());
        assertThat(newest.get("inputDigest").isNull()).isTrue();
        JsonNode oldest = array.get(1);
        assertThat(oldest.get("ref").asText()).isEqualTo(FakeEngine.REF_1.toString());
        assertThat(oldest.get("digest").asText()).isEqualTo(FakeEngine.DIGEST_1.value());
        assertThat(oldest.get("inputDigest").asText()).isEqualTo(FakeEngine.INPUT_1.value());
        assertThat(oldest.get("created").asText()).isEqualTo("2026-11-23T04:30:12Z");
        assertThat(oldest.get("sourceRevision").asText()).startsWith("0123456789abcdef");
        assertThat(oldest.get("placements").get(0).get("env").asText()).isEqualTo("staging");
        assertThat(oldest.get("placements").get(0).get("colour").asText()).isEqualTo("blue");
        assertThat(oldest.get("placements").get(0).get("state").asText()).isEqualTo("WARM");
    }

    @Test
    void releasesJsonIsWrittenFieldByFieldInTheDocumentedOrder() throws Exception {
        String out = run("releases", "--output", "json").out();

        // streamed straight into the generator: the same pretty form and key order a tree printed
        assertThat(out).startsWith("[ {\n  \"id\" : ").endsWith("} ]\n");
        JsonNode newest = JSON.readTree(out).get(0);
        assertThat(newest.fieldNames()).toIterable().containsExactly("id", "app", "ref", "digest", "inputDigest",
                "sourceUri", "sourceRevision", "created", "builderId", "placements");
        assertThat(newest.get("sourceUri").isNull()).isTrue();
        assertThat(newest.get("sourceRevision").isNull()).isTrue();
        assertThat(newest.get("placements")).hasSize(1);
        assertThat(newest.get("placements").get(0).fieldNames()).toIterable().containsExactly("env", "colour", "state");
        assertThat(newest.get("placements").get(0).get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void historyNewestFirstInTextAndJson() throws Exception {
        List<String> lines = run("releases", "--env", "staging").out().lines().toList();
        assertThat(lines.get(0)).startsWith("AT").contains("COLOUR").contains("STATE").contains("DETAIL");
        assertThat(lines.get(1)).contains("green").contains("switched in 7 ms");
        assertThat(lines.get(2)).contains("blue").contains("first deploy");

        JsonNode array = JSON.readTree(run("releases", "--env", "staging", "--output", "json").out());
        assertThat(array.get(0).get("colour").asText()).isEqualTo("green");
        assertThat(array.get(0).get("state").asText()).isEqualTo("ACTIVE");
        assertThat(array.get(1).get("releaseId").asText()).isEqualTo(FakeEngine.RELEASE_1.id());
    }

    @Test
    void deployJsonHasTheContractsShape() throws Exception {
        CliRun.Result result = run("deploy", "--env", "staging", "--ref", FakeEngine.REF_2.toString(), "--output", "json");

        JsonNode doc = JSON.readTree(result.out());
        assertThat(doc.get("env").asText()).isEqualTo("staging");
        assertThat(doc.get("active").get("colour").asText()).isEqualTo("green");
        assertThat(doc.get("active").get("state").asText()).isEqualTo("ACTIVE");
        assertThat(doc.get("active").get("releaseId").asText()).isEqualTo(FakeEngine.RELEASE_2.id());
        assertThat(doc.get("active").get("ref").asText()).isEqualTo(FakeEngine.REF_2.toString());
        assertThat(doc.get("previous").get("colour").asText()).isEqualTo("blue");
        assertThat(doc.get("previous").get("state").asText()).isEqualTo("WARM");
        assertThat(doc.get("preview").isNull()).isTrue();
        assertThat(doc.get("switchMillis").asLong()).isEqualTo(7);
        assertThat(doc.get("routerLive").asText()).isEqualTo("green");
        assertThat(doc.get("notes").isArray()).isTrue();
        assertThat(result.err()).contains("deploying " + FakeEngine.REF_2);
    }

    @Test
    void jsonModeSendsTheEventsToStderrAndOneDocumentToStdout() throws Exception {
        engine.events = List.of(new EngineEvent.StageStarted("health", "probing green"),
                new EngineEvent.HealthProbe("green", 1, "200", 1, Duration.ofMillis(1200), Duration.ofSeconds(30)),
                new EngineEvent.TrafficSwitched("staging", "blue", "green", 7));

        CliRun.Result result = run("deploy", "--env", "staging", "--ref", FakeEngine.REF_2.toString(), "--output", "json");

        assertThat(result.err()).contains("[health] probing green").contains("[health] green probe 1: 200 (1 in a row) 1.2s of 30s")
                .contains("[switch] staging: traffic moved from blue to green in 7 ms");
        assertThat(JSON.readTree(result.out()).get("env").asText()).isEqualTo("staging");
        assertThat(result.out()).doesNotContain("[health]");
    }

    @Test
    void textModeStreamsTheBuildLogAndHealthProgressBeforeTheResult() throws Exception {
        engine.events = List.of(new EngineEvent.StageStarted("build", "building"), new EngineEvent.LogLine("Step 1/4 : FROM scratch\n"),
                new EngineEvent.HealthProbe("green", 2, "200", 2, Duration.ofMillis(2500), Duration.ofSeconds(60)));
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");

        CliRun.Result result = run("build", "--image", "127.0.0.1:5000/team/hello", "--context", context.toString());

        String out = result.out();
        assertThat(out).contains("  | Step 1/4 : FROM scratch\n").contains("[health] green probe 2: 200 (2 in a row) 2.5s of 60s");
        assertThat(out.indexOf("Step 1/4")).isLessThan(out.indexOf("built " + FakeEngine.RELEASE_1.id()));
        assertThat(out).contains("provenance    /state/releases/rel/provenance.intoto.json")
                .contains("deploy it: immutable deploy --env NAME --ref " + FakeEngine.REF_1);
    }

    @Test
    void buildJsonHasTheContractsShape() throws Exception {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");

        CliRun.Result result = run("build", "--image", "127.0.0.1:5000/team/hello", "--context", context.toString(), "--output", "json");

        JsonNode doc = JSON.readTree(result.out());
        assertThat(doc.get("releaseId").asText()).isEqualTo(FakeEngine.RELEASE_1.id());
        assertThat(doc.get("image").asText()).isEqualTo("127.0.0.1:5000/team/hello");
        assertThat(doc.get("digest").asText()).isEqualTo(FakeEngine.DIGEST_1.value());
        assertThat(doc.get("ref").asText()).isEqualTo(FakeEngine.REF_1.toString());
        assertThat(doc.get("inputDigest").asText()).isEqualTo(FakeEngine.INPUT_1.value());
        assertThat(doc.get("reused").asBoolean()).isFalse();
        assertThat(doc.get("provenance").asText()).isEqualTo("/state/releases/rel/provenance.intoto.json");
        assertThat(doc.get("release").asText()).isEqualTo("/state/releases/rel/release.json");
    }

    @Test
    void statusShowsEachColourAndTheRouter() {
        List<String> lines = run("status", "--env", "staging").out().lines().toList();

        assertThat(lines.get(0)).isEqualTo("environment staging");
        assertThat(lines.get(1)).startsWith("COLOUR").contains("STATE").contains("RELEASE").contains("REF").contains("SINCE");
        assertThat(lines.get(2)).startsWith("green ").contains("ACTIVE").contains(FakeEngine.RELEASE_2.id());
        assertThat(lines.get(3)).startsWith("blue ").contains("WARM").contains(FakeEngine.RELEASE_1.id());
        assertThat(lines).contains("router: serves green (agrees with the ledger)");
    }

    @Test
    void statusSaysWhenTheRouterDisagreesWithTheLedger() throws Exception {
        EnvironmentView agreed = FakeEngine.switched("staging");
        engine.view = new EnvironmentView("staging", agreed.active(), agreed.previous(), null, null, "blue",
                List.of("green's container is running"));

        CliRun.Result text = run("status", "--env", "staging");
        assertThat(text.out()).contains("router: serves blue\n").contains("note: green's container is running")
                .contains("DISAGREEMENT: the router serves blue but the ledger says green is active");

        JsonNode json = JSON.readTree(run("status", "--env", "staging", "--output", "json").out());
        assertThat(json.get("switchMillis").isNull()).isTrue();
        assertThat(json.get("routerLive").asText()).isEqualTo("blue");
        assertThat(json.get("notes").toString()).contains("the router serves blue but the ledger says green is active");
    }

    @Test
    void aStatusReadFromTheTargetDoesNotClaimTheLedgerAgrees() {
        EnvironmentView agreed = FakeEngine.switched("staging");
        engine.view = new EnvironmentView("staging", agreed.active(), agreed.previous(), null, null, "green",
                List.of(EnvironmentText.LEDGER_BEHIND + " (green: the ledger had nothing, the target shows rel-2 ACTIVE)"));

        String text = run("status", "--env", "staging").out();
        assertThat(text).contains("router: serves green (as the containers show; this ledger was behind them, see the note)")
                .doesNotContain("agrees with the ledger");
    }

    @Test
    void statusShowsTheLastCanaryRowByRowInTextAndJson() throws Exception {
        EnvironmentView agreed = FakeEngine.switched("staging");
        CanaryReport canary = new CanaryReport(FakeEngine.RELEASE_2.id(), Colour.GREEN, CanaryReport.ABORTED, List.of(
                new CanaryReport.Step(FakeEngine.T2, 1, 10, 48, 0, 3, "inconclusive", "48 of the 50 requests a step is judged on"),
                new CanaryReport.Step(FakeEngine.T2, 1, 10, 140, 140, 4, "failure", "error rate 100.00% is above 1.00%"),
                new CanaryReport.Step(FakeEngine.T2, 1, 10, 0, 0, 0, "aborted", "step 1 (10%) failed")));
        engine.view = new EnvironmentView("staging", agreed.active(), agreed.previous(), null, null, "green", List.of(), canary);

        List<String> lines = run("status", "--env", "staging").out().lines().toList();
        int header = lines.indexOf("last canary: " + FakeEngine.RELEASE_2.id() + " in green, aborted");
        assertThat(header).as(String.join("\n", lines)).isPositive();
        assertThat(lines.get(header + 1)).startsWith("STEP").contains("SHARE").contains("REQUESTS").contains("ERRORS")
                .contains("P99").contains("VERDICT");
        assertThat(lines.get(header + 2)).matches("1 +10% +48 +0 +3 ms +inconclusive .*");
        assertThat(lines.get(header + 3)).matches("1 +10% +140 +140 +4 ms +failure .*error rate 100.00% is above 1.00%");
        assertThat(lines.get(header + 4)).matches("1 +10% +- +- +- +aborted .*step 1 \\(10%\\) failed");

        JsonNode json = JSON.readTree(run("status", "--env", "staging", "--output", "json").out()).get("canary");
        assertThat(json.get("releaseId").asText()).isEqualTo(FakeEngine.RELEASE_2.id());
        assertThat(json.get("outcome").asText()).isEqualTo("aborted");
        JsonNode failure = json.get("steps").get(1);
        assertThat(List.of(failure.get("step").asInt(), failure.get("share").asInt(), failure.get("requests").asInt(),
                failure.get("errors").asInt(), failure.get("p99Millis").asInt())).containsExactly(1, 10, 140, 140, 4);
        assertThat(failure.get("verdict").asText()).isEqualTo("failure");
    }

    @Test
    void manualPromotionSaysWhatToDoNext() throws Exception {
        ColourView blue = new ColourView(Colour.BLUE, DeploymentState.ACTIVE, FakeEngine.RELEASE_1.id(), FakeEngine.REF_1, "c", 0, FakeEngine.T1);
        ColourView green = new ColourView(Colour.GREEN, DeploymentState.HEALTHY, FakeEngine.RELEASE_2.id(), FakeEngine.REF_2, "c", 0, FakeEngine.T2);
        engine.view = new EnvironmentView("staging", blue, null, green, null, "blue", List.of());

        CliRun.Result result = run("deploy", "--env", "staging", "--ref", FakeEngine.REF_2.toString(), "--manual-promotion");

        assertThat(result.out()).contains("green runs " + FakeEngine.RELEASE_2.id() + " and passed its health check; traffic did not move. "
                + "Promote it with 'immutable promote --env staging' or remove it with 'immutable abort --env staging'.");
        assertThat(JSON.readTree(run("status", "--env", "staging", "--output", "json").out()).get("preview").get("state").asText())
                .isEqualTo("HEALTHY");
    }

    @Test
    void verifyPrintsEachCheck() throws Exception {
        Path provenance = Files.writeString(dir.resolve("p.json"), "{}");

        CliRun.Result result = run("verify", "--ref", FakeEngine.REF_1.toString(), "--provenance", provenance.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("pass  statement parses  in-toto Statement v1").contains("verified: all 2 checks passed");
        JsonNode json = JSON.readTree(run("verify", "--ref", FakeEngine.REF_1.toString(), "--provenance", provenance.toString(),
                "--output", "json").out());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("checks").get(1).get("name").asText()).isEqualTo("subject digest");
    }

    @Test
    void aFailedVerificationExits4() throws Exception {
        Path provenance = Files.writeString(dir.resolve("p.json"), "{}");
        engine.verifyResult = new VerifyResult(FakeEngine.REF_2, provenance, List.of(
                new VerifyResult.Check("statement parses", true, "ok"),
                new VerifyResult.Check("subject digest", false, "the statement names " + FakeEngine.DIGEST_1)));

        CliRun.Result result = run("verify", "--ref", FakeEngine.REF_2.toString(), "--provenance", provenance.toString(), "--output", "json");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(JSON.readTree(result.out()).get("passed").asBoolean()).isFalse();
        assertThat(result.err()).contains("1 of 2 checks failed");
    }

    @Test
    void aNoticePrintedAsItHappenedIsNotRepeatedAsANote() {
        String said = "Rolling back to rel-1a1a1a1a1a1a: its colour blue is still warm, so this is a router switch";
        EnvironmentView switched = FakeEngine.switched("staging");
        engine.view = new EnvironmentView("staging", switched.active(), switched.previous(), null, 3L, "green",
                List.of(said, "a note nobody printed yet"));
        engine.events = List.of(new EngineEvent.Notice(said));

        CliRun.Result result = run("rollback", "--env", "staging");

        assertThat(result.out().split(java.util.regex.Pattern.quote(said), -1)).hasSize(2);
        assertThat(result.out()).contains("note: a note nobody printed yet").doesNotContain("note: " + said);
    }
}
