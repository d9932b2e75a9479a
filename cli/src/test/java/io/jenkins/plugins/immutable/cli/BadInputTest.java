package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input exits 2 with a message that names the flag and says what is expected, before the engine is opened
 * (the runner fails the test if it is), without a stack trace, and points at {@code --help}.
 */
class BadInputTest {

    private static final String REF = FakeEngine.REF_1.toString();

    @TempDir
    static Path dir;
    static Path context;

    @BeforeAll
    static void context() throws IOException {
        context = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
    }

    static Stream<Arguments> badInputs() {
        String ctx = context.toString();
        return Stream.of(
                bad("unknown flag", "unknown option '--colour'",
                        "deploy", "--env", "staging", "--ref", REF, "--colour", "blue"),
                bad("a misspelt flag gets a suggestion", "unknown option '--health-timout' (did you mean --health-path or --health-timeout or --help?)",
                        "deploy", "--env", "staging", "--ref", REF, "--health-timout", "30s"),
                bad("a misspelt command", "unknown command 'deplyo' (did you mean deploy or demo?)", "deplyo"),
                bad("an unknown command", "unknown command 'frobnicate': expected one of build, deploy, promote, abort, rollback, "
                        + "status, drift, router-config, releases, verify, keygen, demo", "frobnicate"),
                bad("missing --env", "missing --env NAME: expected the environment's name, such as staging",
                        "deploy", "--ref", REF),
                bad("missing --env on promote", "missing --env NAME: expected the environment's name", "promote"),
                bad("--env without its value", "--env needs a value NAME: expected the environment's name", "status", "--env"),
                bad("an invalid environment name", "--env: 'no spaces' is not a valid name: expected 1 to 63 letters, digits",
                        "status", "--env", "no spaces"),
                bad("a tag instead of a digest", "--ref: '127.0.0.1:5000/hello:v1' is a tag, not a digest reference: expected "
                        + "REPOSITORY@sha256:<64 hex>", "deploy", "--env", "staging", "--ref", "127.0.0.1:5000/hello:v1"),
                bad("a malformed digest", "--ref: '127.0.0.1:5000/hello@sha256:abc' has a malformed digest: expected "
                        + "REPOSITORY@sha256:<64 lowercase hex>", "deploy", "--env", "staging", "--ref", "127.0.0.1:5000/hello@sha256:abc"),
                bad("a nonexistent --context", "--context: folder " + dir.resolve("nowhere") + " does not exist: expected the build context folder",
                        "build", "--image", "127.0.0.1:5000/hello", "--context", dir.resolve("nowhere").toString()),
                bad("a --context that is a file", " is a file: expected the build context folder",
                        "build", "--image", "127.0.0.1:5000/hello", "--context", context.resolve("Dockerfile").toString()),
                bad("a missing Dockerfile", "--file: no Dockerfile at " + context.resolve("Nope") + ": expected a file",
                        "build", "--image", "127.0.0.1:5000/hello", "--context", ctx, "--file", "Nope"),
                bad("missing --image", "missing --image REPO: expected the repository to push to, such as 127.0.0.1:5000/team/app",
                        "build", "--context", ctx),
                bad("an --image with a digest", "--image: '127.0.0.1:5000/hello@" + FakeEngine.DIGEST_1.value() + "' holds a digest",
                        "build", "--image", "127.0.0.1:5000/hello@" + FakeEngine.DIGEST_1.value(), "--context", ctx),
                bad("an upper-case repository", "--image: '127.0.0.1:5000/Hello' is not a valid repository",
                        "build", "--image", "127.0.0.1:5000/Hello", "--context", ctx),
                bad("a malformed --build-arg", "--build-arg: 'NOEQUALS' is malformed: expected NAME=VALUE",
                        "build", "--image", "127.0.0.1:5000/hello", "--context", ctx, "--build-arg", "NOEQUALS"),
                bad("a malformed --label", "--label: '=x' is malformed: expected KEY=VALUE",
                        "build", "--image", "127.0.0.1:5000/hello", "--context", ctx, "--label", "=x"),
                bad("a bad --health-timeout", "--health-timeout: 'soon' is not a duration: expected a duration such as 30s, 5m",
                        "deploy", "--env", "staging", "--ref", REF, "--health-timeout", "soon"),
                bad("a zero --health-timeout", "--health-timeout: 0 leaves no time for a health check",
                        "deploy", "--env", "staging", "--ref", REF, "--health-timeout", "0"),
                bad("a --port out of range", "--port: '70000' is not a port: expected a number from 1 to 65535",
                        "deploy", "--env", "staging", "--ref", REF, "--port", "70000"),
                bad("a --port that is no number", "--port: 'http' is not a port: expected a number from 1 to 65535",
                        "deploy", "--env", "staging", "--ref", REF, "--port", "http"),
                bad("a bad --keep-previous", "--keep-previous: 'forever' is not a duration: expected a duration",
                        "deploy", "--env", "staging", "--ref", REF, "--keep-previous", "forever"),
                bad("a --health-path without a slash", "--health-path: 'health' is not a path: expected it to start with '/'",
                        "deploy", "--env", "staging", "--ref", REF, "--health-path", "health"),
                bad("a relative --haproxy-socket", "--haproxy-socket: 'admin.sock' is relative: expected the absolute path of "
                        + "HAProxy's admin socket", "deploy", "--env", "staging", "--ref", REF, "--haproxy-socket", "admin.sock"),
                bad("a relative --writable-path", "--writable-path: 'tmp' is not an absolute path in the container: expected one"
                        + " such as /tmp or /var/cache/app", "deploy", "--env", "staging", "--ref", REF, "--writable-path", "tmp"),
                bad("a --writable-path with ..", "--writable-path: '/var/../etc' is not an absolute path in the container",
                        "deploy", "--env", "staging", "--ref", REF, "--writable-path", "/var/../etc"),
                bad("an empty --haproxy-socket", "--haproxy-socket: empty: expected the path of HAProxy's admin socket",
                        "deploy", "--env", "staging", "--ref", REF, "--haproxy-socket", ""),
                bad("a --manual-promotion that is no boolean", "Invalid value for option '--manual-promotion': 'maybe' is not a boolean",
                        "deploy", "--env", "staging", "--ref", REF, "--manual-promotion=maybe"),
                bad("--output yaml", "Invalid value for option '--output': 'yaml' is not an output format: expected text or json",
                        "releases", "--output", "yaml"),
                bad("a --docker-host without a scheme", "--docker-host: 'localhost:2375' is not a Docker host: expected "
                        + "unix:///path/docker.sock or tcp://host:port", "releases", "--docker-host", "localhost:2375"),
                bad("a --state that is a file", "--state: " + context.resolve("Dockerfile") + " is a file: expected a folder for the ledger",
                        "releases", "--state", context.resolve("Dockerfile").toString()),
                bad("--to and --to-digest together", "--to: give a release id or a digest, not both",
                        "rollback", "--env", "staging", "--to", "rel-1a1a1a1a1a1a", "--to-digest", FakeEngine.DIGEST_1.value()),
                bad("a malformed --to-digest", "--to-digest: 'sha256:xyz' is not a digest: expected sha256: followed by 64 lowercase hex",
                        "rollback", "--env", "staging", "--to-digest", "sha256:xyz"),
                bad("verify with a missing provenance file", "--provenance: no file at " + dir.resolve("missing.json")
                        + ": expected the provenance.intoto.json a build wrote",
                        "verify", "--ref", REF, "--provenance", dir.resolve("missing.json").toString()),
                bad("verify with a tag", "--ref: '127.0.0.1:5000/hello:latest' is a tag, not a digest reference",
                        "verify", "--ref", "127.0.0.1:5000/hello:latest", "--provenance", context.resolve("Dockerfile").toString()),
                bad("canary steps that do not increase", "--canary-steps: the steps must increase, but 5 follows 25",
                        "deploy", "--env", "staging", "--ref", REF, "--strategy", "canary", "--canary-steps", "25,5,100"),
                bad("a canary share over 100", "--canary-steps: the share 150 is outside 1 to 100",
                        "deploy", "--env", "staging", "--ref", REF, "--strategy", "canary", "--canary-steps", "5,150"),
                bad("a canary interval of 0", "--canary-interval: 0 leaves no time to judge a step",
                        "deploy", "--env", "staging", "--ref", REF, "--strategy", "canary", "--canary-interval", "0s"),
                bad("an error rate that is no percentage", "--max-error-rate: 'often' is not a percentage: expected one from 0% to 100%",
                        "deploy", "--env", "staging", "--ref", REF, "--strategy", "canary", "--max-error-rate", "often"),
                bad("canary flags with --strategy blue-green", "--canary-steps: '5,100' is a canary setting, but the strategy is"
                        + " blue-green: expected it only with strategy canary",
                        "deploy", "--env", "staging", "--ref", REF, "--strategy", "blue-green", "--canary-steps", "5,100"),
                bad("an unknown --strategy", "--strategy: 'rolling' is not a strategy: expected blue-green or canary",
                        "deploy", "--env", "staging", "--ref", REF, "--strategy", "rolling"),
                bad("a --min-requests that is no count", "--min-requests: 'many' is not a count",
                        "deploy", "--env", "staging", "--ref", REF, "--strategy", "canary", "--min-requests", "many"),
                bad("an option given twice", "option '--env' (NAME) should be specified only once",
                        "status", "--env", "a", "--env", "b"),
                bad("zero replicas", "--replicas: '0' is not a count: expected a whole number of 1 or more",
                        "deploy", "--env", "staging", "--ref", REF, "--platform", "swarm", "--replicas", "0"),
                bad("an unknown platform", "--platform: 'k8s' is not a platform: expected docker (one Docker host) or swarm",
                        "deploy", "--env", "staging", "--ref", REF, "--platform", "k8s"),
                bad("replicas on one Docker host", "--replicas: '3' replicas on platform docker: one Docker host runs one container"
                        + " per colour; expected --replicas only with platform swarm",
                        "deploy", "--env", "staging", "--ref", REF, "--platform", "docker", "--replicas", "3"),
                bad("a TCP router without a port", "--haproxy-socket: ",
                        "deploy", "--env", "staging", "--ref", REF, "--haproxy-socket", "tcp://host"),
                bad("router-config: an unknown platform", "--platform: 'k8s' is not a platform",
                        "router-config", "--platform", "k8s"),
                bad("router-config: zero replicas", "--replicas: '0' is not a count: expected a whole number of 1 or more",
                        "router-config", "--platform", "swarm", "--replicas", "0"),
                bad("router-config: replicas on one Docker host", "--replicas: '2' replicas on platform docker",
                        "router-config", "--replicas", "2"),
                bad("router-config: --env and deploy flags", "--env: given with deploy flags: expected either --env NAME",
                        "router-config", "--env", "staging", "--platform", "swarm"),
                bad("router-config: a TCP router without a port", "--haproxy-socket: ",
                        "router-config", "--haproxy-socket", "tcp://host"),
                bad("a stray argument", "unexpected argument 'staging': expected only options", "status", "--env", "a", "staging"));
    }

    private static Arguments bad(String what, String expectedMessage, String... args) {
        return Arguments.of(what, expectedMessage, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void exits2NamingTheFlagAndWhatIsExpected(String what, String expectedMessage, String[] args) {
        CliRun.Result result = new CliRun().run(args);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(expectedMessage).contains("--help' for the options");
        assertThat(result.err()).as("no stack trace without --debug").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceEachOnItsOwnLine() {
        CliRun.Result result = new CliRun().run("deploy", "--env", "staging", "--ref", "127.0.0.1:5000/hello:v1",
                "--port", "0", "--health-timeout", "x", "--haproxy-socket", "rel.sock");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).contains(
                "immutable deploy: --ref: '127.0.0.1:5000/hello:v1' is a tag, not a digest reference: expected "
                        + "REPOSITORY@sha256:<64 hex> (deploys take only digests, which cannot be moved)",
                "immutable deploy: --port: '0' is not a port: expected a number from 1 to 65535",
                "immutable deploy: --health-timeout: 'x' is not a duration: expected a duration such as 30s, 5m, 1h30m or PT30S",
                "immutable deploy: --haproxy-socket: 'rel.sock' is relative: expected the absolute path of HAProxy's admin "
                        + "socket (it is stored with the environment)");
    }

    @Test
    void aBadDockerHostFromTheEnvironmentSaysWhereItCameFrom() {
        CliRun.Result result = new CliRun().env("DOCKER_HOST", "docker.example:2375").run("releases");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--docker-host: 'docker.example:2375' (from DOCKER_HOST) is not a Docker host");
    }

    @Test
    void jsonModeStillPrintsOneDocument() throws Exception {
        CliRun.Result result = new CliRun().run("deploy", "--env", "staging", "--ref", "hello:v1", "--output", "json");

        assertThat(result.exitCode()).isEqualTo(2);
        var error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out()).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(2);
        assertThat(error.get("kind").asText()).isEqualTo("BAD_INPUT");
        assertThat(error.get("message").asText()).contains("--ref: 'hello:v1' is a tag");
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun.Result result = new CliRun().run("deploy", "--env", "staging", "--ref", "hello:v1", "--debug");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("InvalidInputException").contains("\tat ");
    }
}
