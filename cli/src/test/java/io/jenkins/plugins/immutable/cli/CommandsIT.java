package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's happy path against the real daemon, registry and a real HAProxy, in the order a person would run
 * them: build, reuse, deploy, manual promotion, status, rollback, abort, releases, verify. Text for people and JSON
 * for scripts are both checked, and every step is confirmed by a request through the router.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;

    private final String env = RealCli.uniqueEnv("cli");
    private RealCli cli;
    private HaproxyProcess haproxy;
    private String repository;
    private String url;
    private JsonNode v1;
    private JsonNode v2;
    private JsonNode v3;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        cli = new RealCli(dir.resolve("state"));
        haproxy = HaproxyProcess.start(dir.resolve("haproxy"), "hello");
        repository = RealCli.SERVICES.registry() + "/cli-it/hello";
        url = "http://127.0.0.1:" + haproxy.frontendPort() + "/";
    }

    @AfterAll
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        RealCli.removeContainers("hello-" + env + "-");
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private JsonNode okJson(String... args) throws Exception {
        String[] withJson = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--output", "json"))
                .toArray(String[]::new);
        CliRun.Result result = ok(withJson);
        return JSON.readTree(result.out());
    }

    private Path app(String name, String page) throws Exception {
        return SampleApp.write(dir.resolve(name), page);
    }

    private String page() throws Exception {
        return HttpGet.get(url).toString();
    }

    @Test
    @Order(1)
    void buildStreamsTheLogAndRecordsTheRelease() throws Exception {
        Path context = app("v1", "page one\n");

        CliRun.Result result = ok("build", "--image", repository, "--context", context.toString(),
                "--source-uri", "https://example.org/hello.git", "--source-revision", "1111111111111111111111111111111111111111");

        assertThat(result.out()).contains("  | ").contains("built rel-").contains("provenance").contains("deploy it: immutable deploy");
        assertThat(result.out().indexOf("  | ")).as("the log streams before the result").isLessThan(result.out().indexOf("built rel-"));
    }

    @Test
    @Order(2)
    void theSameInputsAreReusedAndTheJsonHasTheContractsShape() throws Exception {
        v1 = okJson("build", "--image", repository, "--context", dir.resolve("v1").toString());

        assertThat(v1.get("reused").asBoolean()).isTrue();
        assertThat(v1.get("releaseId").asText()).startsWith("rel-");
        assertThat(v1.get("image").asText()).isEqualTo(repository);
        assertThat(v1.get("digest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(v1.get("ref").asText()).isEqualTo(repository + "@" + v1.get("digest").asText());
        assertThat(v1.get("inputDigest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(v1.get("sourceRevision").asText()).isEqualTo("1111111111111111111111111111111111111111");
        assertThat(v1.get("builderId").asText()).isEqualTo("cli@cli-it");
        assertThat(Path.of(v1.get("provenance").asText())).isRegularFile();
        assertThat(Path.of(v1.get("release").asText())).isRegularFile();
    }

    @Test
    @Order(3)
    void firstDeploySwitchesTheRouterToBlue() throws Exception {
        assertThat(page()).startsWith("503");

        CliRun.Result result = ok("deploy", "--env", env, "--ref", v1.get("ref").asText(), "--haproxy-socket", haproxy.socket().toString(),
                "--haproxy-backend", haproxy.backend(), "--health-path", "/health", "--health-timeout", "30s", "--keep-previous", "1h",
                "--output", "json");

        JsonNode view = JSON.readTree(result.out());
        assertThat(view.get("env").asText()).isEqualTo(env);
        assertThat(view.get("active").get("colour").asText()).isEqualTo("blue");
        assertThat(view.get("active").get("state").asText()).isEqualTo("ACTIVE");
        assertThat(view.get("active").get("releaseId").asText()).isEqualTo(v1.get("releaseId").asText());
        assertThat(view.get("active").get("ref").asText()).isEqualTo(v1.get("ref").asText());
        assertThat(view.get("switchMillis").isNumber()).isTrue();
        assertThat(view.get("routerLive").asText()).isEqualTo("blue");
        assertThat(result.err()).as("health progress with elapsed time and the timeout").containsPattern("\\[health\\] blue probe \\d+: .* of 30s");
        assertThat(page()).isEqualTo("200 page one");
    }

    @Test
    @Order(4)
    void aManualPromotionWaitsWithTrafficUnmoved() throws Exception {
        v2 = okJson("build", "--image", repository, "--context", app("v2", "page two\n").toString());
        assertThat(v2.get("reused").asBoolean()).isFalse();

        CliRun.Result result = ok("deploy", "--env", env, "--ref", v2.get("ref").asText(), "--manual-promotion");

        assertThat(result.out()).contains("[health] green probe")
                .contains("green runs " + v2.get("releaseId").asText() + " and passed its health check; traffic did not move.");
        assertThat(page()).isEqualTo("200 page one");
    }

    @Test
    @Order(5)
    void promoteMovesTheTraffic() throws Exception {
        JsonNode view = okJson("promote", "--env", env);

        assertThat(view.get("active").get("colour").asText()).isEqualTo("green");
        assertThat(view.get("active").get("releaseId").asText()).isEqualTo(v2.get("releaseId").asText());
        assertThat(view.get("previous").get("colour").asText()).isEqualTo("blue");
        assertThat(view.get("previous").get("state").asText()).isEqualTo("WARM");
        assertThat(view.get("previous").get("releaseId").asText()).isEqualTo(v1.get("releaseId").asText());
        // asLong() reads a JSON null as 0: check that a number is there first.
        assertThat(view.get("switchMillis").isNumber()).as("switchMillis is a number: %s", view.get("switchMillis")).isTrue();
        assertThat(view.get("switchMillis").asLong()).isNotNegative();
        assertThat(page()).isEqualTo("200 page two");
    }

    @Test
    @Order(6)
    void statusShowsTheColoursAndTheRouter() throws Exception {
        List<String> lines = ok("status", "--env", env).out().lines().toList();

        assertThat(lines.get(0)).isEqualTo("environment " + env);
        assertThat(lines.get(1)).startsWith("COLOUR").contains("SINCE");
        assertThat(lines.get(2)).startsWith("green ").contains("ACTIVE").contains(v2.get("releaseId").asText()).contains(v2.get("ref").asText());
        assertThat(lines.get(3)).startsWith("blue ").contains("WARM").contains(v1.get("releaseId").asText());
        assertThat(lines).contains("router: serves green (agrees with the ledger)");

        JsonNode view = okJson("status", "--env", env);
        assertThat(view.get("active").get("colour").asText()).isEqualTo("green");
        assertThat(view.get("switchMillis").isNull()).isTrue();
        assertThat(view.get("routerLive").asText()).isEqualTo("green");
        assertThat(view.get("notes").isArray()).isTrue();
    }

    @Test
    @Order(7)
    void rollbackPutsV1BackBySwitching() throws Exception {
        JsonNode view = okJson("rollback", "--env", env);

        assertThat(view.get("active").get("colour").asText()).isEqualTo("blue");
        assertThat(view.get("active").get("releaseId").asText()).isEqualTo(v1.get("releaseId").asText());
        assertThat(view.get("previous").get("colour").asText()).isEqualTo("green");
        assertThat(view.get("switchMillis").isNumber()).isTrue();
        assertThat(page()).isEqualTo("200 page one");
    }

    @Test
    @Order(8)
    void abortRemovesTheWaitingColour() throws Exception {
        v3 = okJson("build", "--image", repository, "--context", app("v3", "page three\n").toString());
        ok("deploy", "--env", env, "--ref", v3.get("ref").asText(), "--manual-promotion");

        CliRun.Result result = ok("abort", "--env", env);

        assertThat(result.out()).contains("traffic did not move").contains("blue (" + v1.get("releaseId").asText() + ") still serves");
        assertThat(page()).isEqualTo("200 page one");
        JsonNode view = okJson("status", "--env", env);
        assertThat(view.get("preview").isNull()).isTrue();
        assertThat(view.get("active").get("releaseId").asText()).isEqualTo(v1.get("releaseId").asText());
    }

    @Test
    @Order(9)
    void releasesNewestFirstWithWhereEachRuns() throws Exception {
        List<String> lines = ok("releases").out().lines().toList();

        assertThat(lines.get(0)).startsWith("RELEASE").contains("RUNS NOW");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith(v3.get("releaseId").asText());
        assertThat(lines.get(2)).startsWith(v2.get("releaseId").asText());
        assertThat(lines.get(3)).startsWith(v1.get("releaseId").asText()).contains(env + "/blue ACTIVE").contains("111111111111 ");

        JsonNode array = okJson("releases");
        assertThat(array).hasSize(3);
        assertThat(array.get(2).get("id").asText()).isEqualTo(v1.get("releaseId").asText());
        assertThat(array.get(2).get("placements").toString()).contains("\"env\":\"" + env + "\"").contains("\"colour\":\"blue\"")
                .contains("\"state\":\"ACTIVE\"");
    }

    @Test
    @Order(10)
    void releasesOfOneEnvironmentIsItsHistory() throws Exception {
        CliRun.Result text = ok("releases", "--env", env);
        assertThat(text.out().lines().findFirst().orElseThrow()).startsWith("AT").contains("COLOUR").contains("STATE");
        assertThat(text.out()).contains(v1.get("releaseId").asText()).contains(v2.get("releaseId").asText());

        JsonNode history = okJson("releases", "--env", env);
        assertThat(history.isArray()).isTrue();
        assertThat(history.size()).isGreaterThanOrEqualTo(4);
        assertThat(history.get(0).get("env").asText()).isEqualTo(env);
        assertThat(history.get(0).get("at").asText()).isGreaterThanOrEqualTo(history.get(history.size() - 1).get("at").asText());
    }

    @Test
    @Order(11)
    void verifyChecksTheProvenanceAgainstTheRefAndTheRegistry() throws Exception {
        CliRun.Result text = ok("verify", "--ref", v2.get("ref").asText(), "--provenance", v2.get("provenance").asText());
        assertThat(text.out()).contains("pass").contains("verified: all");

        JsonNode json = okJson("verify", "--ref", v2.get("ref").asText(), "--provenance", v2.get("provenance").asText());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("checks").size()).isGreaterThanOrEqualTo(3);

        CliRun.Result mismatch = cli.run("verify", "--ref", v2.get("ref").asText(), "--provenance", v1.get("provenance").asText());
        assertThat(mismatch.exitCode()).as(mismatch.toString()).isEqualTo(4);
        assertThat(mismatch.out()).contains("FAIL").contains("NOT verified");
        assertThat(mismatch.err()).contains("checks failed");
        assertThat(Files.readString(Path.of(v1.get("provenance").asText()))).contains(v1.get("digest").asText().substring(7));
    }
}
