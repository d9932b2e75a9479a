package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.testing.AuthRegistry;
import io.jenkins.plugins.immutable.engine.testing.DaemonRelay;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What happens when things break, through the command as people run it. After every fault: a clear error (no stack
 * trace), HAProxy still answers from a healthy colour, the ledger reads, and the next command carries on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private Path state;
    private RealCli cli;
    private String v1;
    private String v2;
    private String v3;
    private String v1Id;

    private String env;
    private HaproxyProcess haproxy;
    private final List<String> apps = new ArrayList<>();

    @BeforeAll
    void buildReleases(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        state = dir.resolve("state");
        cli = new RealCli(state);
        String repository = RealCli.SERVICES.registry() + "/cli-it/faults";
        v1 = build(repository, "faults v1");
        v2 = build(repository, "faults v2");
        v3 = build(repository, "faults v3");
        v1Id = "rel-" + v1.substring(v1.indexOf("sha256:") + 7, v1.indexOf("sha256:") + 19);
    }

    private String build(String repository, String page) throws Exception {
        Path context = SampleApp.write(dir.resolve(page.replace(' ', '-')), page + "\n");
        // A health endpoint that never answers, for the test of a hanging health check.
        Path hang = Files.createDirectories(context.resolve("www/cgi-bin")).resolve("hang");
        Files.writeString(hang, "#!/bin/busybox sh\n/bin/busybox sleep 600\n");
        Files.setPosixFilePermissions(hang, PosixFilePermissions.fromString("rwxr-xr-x"));
        CliRun.Result built = ok("build", "--image", repository, "--context", context.toString(), "--output", "json");
        return JSON.readTree(built.out()).get("ref").asText();
    }

    @BeforeEach
    void freshEnvironment() throws Exception {
        env = RealCli.uniqueEnv("fault");
        haproxy = HaproxyProcess.start(dir.resolve(env + "-haproxy"), "app");
        ok(deploy(v1));
        assertThat(page()).isEqualTo("faults v1");
    }

    @AfterEach
    void stopRouter() throws Exception {
        haproxy.close();
    }

    @AfterAll
    void removeContainers() throws Exception {
        RealCli.removeContainers("faults-fault-");
    }

    @Test
    void aRegistryStoppedBeforeThePushExits3NamingIt() throws Exception {
        AuthRegistry registry = AuthRegistry.startOpen(dir.resolve("scratch-registry"));
        String address = registry.address();
        registry.close();
        Path context = SampleApp.write(dir.resolve("unpushable"), "never pushed\n");

        CliRun.Result result = cli.run("build", "--image", address + "/cli-it/app", "--context", context.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("registry " + address).contains("could not be reached").doesNotContain("\tat ");
        assertHealthyAndReadable("faults v1");
    }

    @Test
    void aDaemonLostMidDeployExits3AndTheNextCommandCleansUp() throws Exception {
        try (DaemonRelay relay = DaemonRelay.start(shortPath("relay.sock"))) {
            String relayEnv = env + "r";
            routerOfItsOwn();
            ok(deployTo(v1, relayEnv, "--docker-host", relay.dockerHost()));
            assertThat(page()).isEqualTo("faults v1");

            CliProcess deploy = CliProcess.start(dir, processEnv(), "deploy.container-started", deployTo(v2, relayEnv))
                    .awaitPause("deploy.container-started");
            relay.cut();
            CliRun.Result lost = deploy.resume();

            assertThat(lost.exitCode()).as(lost.out()).isEqualTo(3);
            assertThat(lost.out()).contains("Docker daemon at " + relay.dockerHost()).contains("Traffic did not move")
                    .doesNotContain("\tat ");
            assertThat(page()).isEqualTo("faults v1");

            relay.restore();
            assertThat(ok("status", "--env", relayEnv).out()).contains("interrupted deploy");
            CliRun.Result next = ok(deployTo(v2, relayEnv));
            assertThat(next.out() + next.err()).contains("Undid an interrupted deploy");
            assertHealthyAndReadable("faults v2", relayEnv);
            RealCli.removeContainers("faults-" + relayEnv + "-");
        }
    }

    @Test
    void aMissingHaproxySocketExits3NamingItAndTrafficStays() throws Exception {
        Files.delete(haproxy.socket());

        CliRun.Result result = cli.run(deploy(v2));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains(haproxy.socket().toString()).doesNotContain("\tat ");
        assertThat(page()).isEqualTo("faults v1");
        assertThat(ok("status", "--env", env).out()).contains("Router not reachable");
        assertThat(ok("releases").exitCode()).isZero();
    }

    @Test
    void aHealthEndpointThatHangsFailsAtTheTimeoutAndTrafficStays() throws Exception {
        CliRun.Result result = cli.run(deployTo(v2, env, "--health-path", "/cgi-bin/hang", "--health-timeout", "4s"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).contains("failed its health check").contains("/cgi-bin/hang")
                .contains("Traffic did not move: it stays on blue").doesNotContain("\tat ");
        assertHealthyAndReadable("faults v1");
    }

    @Test
    void aContainerThatDiesAfterItsHealthCheckNeverGetsTraffic() throws Exception {
        CliProcess deploy = CliProcess.start(dir, processEnv(), "deploy.healthy", deploy(v2)).awaitPause("deploy.healthy");
        RealCli.removeContainers("faults-" + env + "-green");
        CliRun.Result result = deploy.resume();

        assertThat(result.exitCode()).as(result.out()).isEqualTo(4);
        assertThat(result.out()).contains("stopped answering its health check before the switch").contains("Traffic did not move");
        assertHealthyAndReadable("faults v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy.before-start", "deploy.container-started", "deploy.healthy", "deploy.before-switch",
        "deploy.router-switched"})
    void aDeployKilledAtAnyPhase(String phase) throws Exception {
        CliProcess.start(dir, processEnv(), phase, deploy(v2)).awaitPause(phase).kill();

        assertThat(page()).isIn("faults v1", "faults v2");
        assertThat(ok("status", "--env", env).out()).contains("interrupted deploy");
        ok(deploy(v2));
        assertHealthyAndReadable("faults v2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rollback.before-switch", "rollback.router-switched"})
    void aRollbackToAWarmColourKilledAtAnyPhase(String phase) throws Exception {
        ok(deploy(v2));
        CliProcess.start(dir, processEnv(), phase, "rollback", "--env", env).awaitPause(phase).kill();

        assertThat(page()).isIn("faults v1", "faults v2");
        ok("rollback", "--env", env, "--to", v1Id);
        assertHealthyAndReadable("faults v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rollback.before-start", "rollback.container-started", "rollback.healthy", "rollback.before-switch",
        "rollback.router-switched"})
    void aRollbackThatRedeploysKilledAtAnyPhase(String phase) throws Exception {
        ok(deploy(v2));
        ok(deploy(v3));
        CliProcess.start(dir, processEnv(), phase, "rollback", "--env", env, "--to", v1Id).awaitPause(phase).kill();

        assertThat(page()).isIn("faults v1", "faults v3");
        ok("rollback", "--env", env, "--to", v1Id);
        assertHealthyAndReadable("faults v1");
    }

    @Test
    void aRollbackDiscardingAPreviewKilledBeforeTheRemoval() throws Exception {
        ok(deployTo(v2, env, "--manual-promotion"));
        CliProcess.start(dir, processEnv(), "rollback.before-remove", "rollback", "--env", env)
                .awaitPause("rollback.before-remove").kill();

        assertThat(page()).isEqualTo("faults v1");
        CliRun.Result next = ok("status", "--env", env, "--output", "json");
        assertThat(JSON.readTree(next.out()).get("notes").toString()).contains("interrupted rollback");
        ok(deployTo(v1, env, "--manual-promotion=false"));
        assertThat(JSON.readTree(ok("status", "--env", env, "--output", "json").out()).get("preview").isNull()).isTrue();
        assertHealthyAndReadable("faults v1");
    }

    @Test
    void aCorruptedEnvironmentStateExits2NamingTheFileAndTouchesNothing() throws Exception {
        Path file = state.resolve("ledger.db");
        // Damaged outside the tool: the environment's row edited by hand.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.PreparedStatement p = c.prepareStatement("UPDATE environments SET state = ? WHERE name = ?")) {
            p.setString(1, "{\"version\": 1, \"name\": \"" + env + "\", \"blue\": {\"colour\": \"PURPLE\"");
            p.setString(2, env);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }

        CliRun.Result result = cli.run(deploy(v2));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(file.toString()).contains("environment '" + env + "'")
                .contains("Restore the ledger from a backup").doesNotContain("\tat ");
        assertThat(page()).isEqualTo("faults v1");
        assertThat(ok("releases").exitCode()).isZero();
        assertThat(cli.run("status", "--env", env).exitCode()).isEqualTo(2);
    }

    @Test
    void aStateFolderThatCannotBeWrittenExits2AndTrafficStays() throws Exception {
        Path frozen = dir.resolve(env + "-frozen");
        RealCli frozenCli = new RealCli(frozen);
        routerOfItsOwn();
        CliRun.Result first = frozenCli.run(deployTo(v1, env + "f"));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(page()).isEqualTo("faults v1");
        chattr("+i", frozen); // no new file in the folder: the ledger refuses to write before touching anything
        try {
            CliRun.Result result = frozenCli.run(deployTo(v2, env + "f"));
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).contains(frozen.toString()).doesNotContain("\tat ");
            assertThat(page()).isEqualTo("faults v1");
        } finally {
            chattr("-i", frozen);
        }
        assertThat(frozenCli.run("releases").exitCode()).isZero();
        CliRun.Result nowpossible = frozenCli.run(deployTo(v2, env + "f"));
        assertThat(nowpossible.exitCode()).as(nowpossible.toString()).isZero();
        assertThat(page()).isEqualTo("faults v2");
        RealCli.removeContainers("faults-" + env + "f-");

        CliRun.Result proc = new RealCli(Path.of("/proc/immutable-state")).run(deployTo(v2, env + "p"));
        assertThat(proc.exitCode()).as(proc.toString()).isEqualTo(2);
        assertThat(proc.err()).contains("/proc/immutable-state").doesNotContain("\tat ");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private String[] deploy(String ref) {
        return deployTo(ref, env);
    }

    private String[] deployTo(String ref, String environment, String... more) {
        List<String> args = new ArrayList<>(List.of("deploy", "--env", environment, "--ref", ref, "--app", "faults",
                "--port", "8080", "--haproxy-socket", haproxy.socket().toString(), "--haproxy-backend", "app"));
        if (!List.of(more).contains("--health-path")) {
            args.addAll(List.of("--health-path", "/health", "--health-timeout", "20s"));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private Map<String, String> processEnv() {
        return Map.of("IMMUTABLE_STATE", state.toString(), "DOCKER_HOST", RealCli.SERVICES.dockerHost());
    }

    private String page() throws Exception {
        HttpGet.Answer answer = HttpGet.get("http://127.0.0.1:" + haproxy.frontendPort() + "/");
        return answer.status() == 200 ? answer.body().strip() : "HTTP " + answer.status();
    }

    private void assertHealthyAndReadable(String expectedPage) throws Exception {
        assertHealthyAndReadable(expectedPage, env);
    }

    private void assertHealthyAndReadable(String expectedPage, String environment) throws Exception {
        assertThat(page()).isEqualTo(expectedPage);
        assertThat(ok("releases").exitCode()).isZero();
        JsonNode status = JSON.readTree(ok("status", "--env", environment, "--output", "json").out());
        assertThat(status.get("routerLive").asText()).isIn("blue", "green");
        assertThat(status.get("notes").toString()).doesNotContain("Disagreement").doesNotContain("interrupted");
    }

    /** A second environment needs a router of its own: two environments must never share HAProxy's servers. */
    private void routerOfItsOwn() throws Exception {
        haproxy.close();
        haproxy = HaproxyProcess.start(dir.resolve(env + "-second-haproxy"), "app");
    }

    private Path shortPath(String name) throws Exception {
        return Files.createTempDirectory(Path.of("/tmp"), "relay").resolve(name);
    }

    private static void chattr(String flag, Path path) throws Exception {
        Process process = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("chattr %s %s (the test needs a file system with immutable files): %s", flag, path, output)
                .isZero();
    }
}
