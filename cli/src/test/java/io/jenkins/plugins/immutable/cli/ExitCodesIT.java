package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Each exit-code class against the real components: 2 bad input the engine finds, 3 unreachable, 4 failed safely. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExitCodesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;

    private final String env = RealCli.uniqueEnv("exit");
    private RealCli cli;
    private HaproxyProcess haproxy;
    private String repository;
    private JsonNode release;

    @BeforeAll
    void buildOnce(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        cli = new RealCli(dir.resolve("state"));
        haproxy = HaproxyProcess.start(dir.resolve("haproxy"), "hello");
        repository = RealCli.SERVICES.registry() + "/cli-it/exit";
        CliRun.Result built = cli.run("build", "--image", repository, "--context",
                SampleApp.write(dir.resolve("app"), "exit codes\n").toString(), "--output", "json");
        assertThat(built.exitCode()).as(built.toString()).isZero();
        release = JSON.readTree(built.out());
    }

    @AfterAll
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        RealCli.removeContainers("exit-" + env + "-");
    }

    @Test
    void anUnreachableDaemonExits3NamingItsAddress() {
        CliRun.Result result = cli.run("build", "--docker-host", "unix:///nonexistent.sock", "--image", repository, "--context",
                dir.resolve("app").toString(), "--rebuild");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("unix:///nonexistent.sock").containsIgnoringCase("docker daemon").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableRegistryExits3NamingItsAddress() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        CliRun.Result result = cli.run("build", "--image", "127.0.0.1:" + closed + "/cli-it/nowhere", "--context",
                dir.resolve("app").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("127.0.0.1:" + closed).containsIgnoringCase("registry");
    }

    @Test
    void aFirstDeployWithoutARouterIsBadInput() {
        CliRun.Result result = cli.run("deploy", "--env", RealCli.uniqueEnv("norouter"), "--ref", release.get("ref").asText());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--haproxy-socket");
    }

    @Test
    void aFailingHealthCheckExits4AndTrafficDoesNotMove() throws Exception {
        CliRun.Result first = cli.run("deploy", "--env", env, "--ref", release.get("ref").asText(), "--haproxy-socket",
                haproxy.socket().toString(), "--haproxy-backend", haproxy.backend(), "--health-path", "/health", "--app", "exit");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String url = "http://127.0.0.1:" + haproxy.frontendPort() + "/";
        assertThat(HttpGet.get(url).toString()).isEqualTo("200 exit codes");

        CliRun.Result broken = cli.run("build", "--image", repository, "--context",
                SampleApp.write(dir.resolve("app2"), "never served\n").toString(), "--output", "json");
        assertThat(broken.exitCode()).as(broken.toString()).isZero();
        CliRun.Result failed = cli.run("deploy", "--env", env, "--ref", JSON.readTree(broken.out()).get("ref").asText(),
                "--health-path", "/missing", "--health-timeout", "3s");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
        assertThat(failed.err()).containsIgnoringCase("traffic did not move").doesNotContain("\tat ");
        assertThat(failed.out()).contains("[health] green probe");
        assertThat(HttpGet.get(url).toString()).isEqualTo("200 exit codes");
        JsonNode status = JSON.readTree(cli.run("status", "--env", env, "--output", "json").out());
        assertThat(status.get("active").get("colour").asText()).isEqualTo("blue");
        assertThat(status.get("active").get("releaseId").asText()).isEqualTo(release.get("releaseId").asText());
    }

    @Test
    void aCanaryWithoutTrafficExits4AtItsInconclusiveLimitAndTrafficStaysOnStable() throws Exception {
        String canaryEnv = RealCli.uniqueEnv("canary");
        // A router of its own: the environments of this class would otherwise share the backend's two servers.
        HaproxyProcess router = HaproxyProcess.start(dir.resolve("haproxy-canary"), "hello");
        try {
            CliRun.Result first = cli.run("deploy", "--env", canaryEnv, "--ref", release.get("ref").asText(), "--haproxy-socket",
                    router.socket().toString(), "--haproxy-backend", router.backend(), "--health-path", "/health", "--app",
                    "exit");
            assertThat(first.exitCode()).as(first.toString()).isZero();
            CliRun.Result v2 = cli.run("build", "--image", repository, "--context",
                    SampleApp.write(dir.resolve("canary"), "canary\n").toString(), "--output", "json");
            assertThat(v2.exitCode()).as(v2.toString()).isZero();

            CliRun.Result canary = cli.run("deploy", "--env", canaryEnv, "--ref", JSON.readTree(v2.out()).get("ref").asText(),
                    "--strategy", "canary", "--canary-steps", "10,100", "--canary-interval", "300ms", "--min-requests", "5");

            assertThat(canary.exitCode()).as(canary.toString()).isEqualTo(4);
            assertThat(canary.out()).contains("[canary] " + canaryEnv + ": step 1/2: 10% of new requests to the canary")
                    .contains("inconclusive: 0 requests");
            assertThat(canary.err()).contains("stayed inconclusive for 3 intervals in a row").doesNotContain("\tat ");
            String url = "http://127.0.0.1:" + router.frontendPort() + "/";
            assertThat(HttpGet.get(url).toString()).isEqualTo("200 exit codes");
        } finally {
            router.close();
            RealCli.removeContainers("exit-" + canaryEnv + "-");
        }
    }

    @Test
    void aCanaryFlagGivenAloneChangesOnlyItsOwnStoredSetting() throws Exception {
        String mergeEnv = RealCli.uniqueEnv("merge");
        HaproxyProcess router = HaproxyProcess.start(dir.resolve("haproxy-merge"), "hello");
        try {
            String[] first = {"deploy", "--env", mergeEnv, "--ref", release.get("ref").asText(), "--haproxy-socket",
                router.socket().toString(), "--haproxy-backend", router.backend(), "--health-path", "/health", "--app", "exit"};
            CliRun.Result refused = cli.run(concat(first, "--canary-interval", "300ms"));
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).contains("--canary-interval: a canary setting, but environment '" + mergeEnv + "' is new:"
                    + " expected it with strategy canary").doesNotContain("\tat ");

            // The first deploy stores the canary (nothing to compare with yet, so it switches); a 30 s interval on purpose.
            CliRun.Result stored = cli.run(concat(first, "--strategy", "canary", "--canary-steps", "20,100", "--min-requests", "7",
                    "--canary-interval", "30s", "--max-error-rate", "5%"));
            assertThat(stored.exitCode()).as(stored.toString()).isZero();
            CliRun.Result v2 = cli.run("build", "--image", repository, "--context",
                    SampleApp.write(dir.resolve("merge"), "merge\n").toString(), "--output", "json");
            assertThat(v2.exitCode()).as(v2.toString()).isZero();

            long started = System.nanoTime();
            CliRun.Result canary = cli.run("deploy", "--env", mergeEnv, "--ref", JSON.readTree(v2.out()).get("ref").asText(),
                    "--canary-interval", "300ms");
            long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            // No traffic: inconclusive three times. The stored steps (20%) and minimum (7) held; the interval is the new one.
            assertThat(canary.exitCode()).as(canary.toString()).isEqualTo(4);
            assertThat(canary.out()).contains("step 1/2: 20% of new requests to the canary");
            assertThat(canary.err()).contains("stayed inconclusive for 3 intervals in a row")
                    .contains("0 of the 7 requests a step is judged on");
            assertThat(seconds).as("three intervals of 300 ms, not of the stored 30 s").isLessThan(60);
            assertThat(HttpGet.get("http://127.0.0.1:" + router.frontendPort() + "/").toString()).isEqualTo("200 exit codes");
        } finally {
            router.close();
            RealCli.removeContainers("exit-" + mergeEnv + "-");
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
