package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.ReleaseEngines;
import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger shared in PostgreSQL ({@code --state postgresql://…}, the server of {@code scripts/services}) through the
 * real command, daemon, registry and router: two machines' worth of state folders see one ledger, and a database that
 * cannot be reached stops a deploy before it touches the target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedLedgerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private final String env = RealCli.uniqueEnv("shared");
    private final String database = "cli_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private LedgerLocation server;
    private String url;
    private HaproxyProcess haproxy;
    private String v1;
    private String v2;

    @BeforeAll
    void startWithAFreshDatabase(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        String serverUrl = System.getenv("IMMUTABLE_POSTGRES_URL");
        assertThat(serverUrl).as("IMMUTABLE_POSTGRES_URL: run scripts/services start && eval \"$(scripts/services env)\"")
                .isNotBlank();
        server = LedgerLocation.database(serverUrl, "IMMUTABLE_POSTGRES_URL", "immutable");
        try (Connection c = connect(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        url = "postgresql://" + server.host() + ":" + server.port() + "/" + database + "?user=" + server.user();
        haproxy = HaproxyProcess.start(dir.resolve("haproxy"), "hello");
        String repository = RealCli.SERVICES.registry() + "/cli-it/shared";
        v1 = build(repository, "shared v1\n");
        v2 = build(repository, "shared v2\n");
    }

    @AfterAll
    void dropTheDatabase() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        RealCli.removeContainers("shared-" + env + "-");
        if (server != null) {
            try (Connection c = connect(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void twoMachinesStateFoldersShareOneLedgerAndAnUnreachableOneStopsADeployBeforeTheTarget() throws Exception {
        // "Machine A" builds and deploys; "machine B" (another folder, nothing in it) sees the same ledger.
        CliRun.Result first = cli("a").run("deploy", "--state", url, "--env", env, "--ref", v1, "--haproxy-socket",
                haproxy.socket().toString(), "--haproxy-backend", haproxy.backend(), "--health-path", "/health", "--app", "shared");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String page = "http://127.0.0.1:" + haproxy.frontendPort() + "/";
        assertThat(HttpGet.get(page).toString()).isEqualTo("200 shared v1");

        JsonNode releases = JSON.readTree(cli("b").run("releases", "--state", url, "--output", "json").out());
        assertThat(releases.toString()).contains(v1.substring(v1.indexOf('@') + 1)).contains(v2.substring(v2.indexOf('@') + 1));
        JsonNode status = JSON.readTree(cli("b").run("status", "--state", url, "--env", env, "--output", "json").out());
        assertThat(status.get("active").get("ref").asText()).isEqualTo(v1);
        assertThat(dir.resolve("b/ledger.db")).as("machine B's folder holds no ledger of its own").doesNotExist();

        Map<String, String> containersBefore = Containers.named(RealCli.SERVICES.dockerHost(), "shared-" + env + "-");
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        String unreachable = "postgresql://127.0.0.1:" + closed + "/" + database + "?user=" + server.user();
        CliRun.Result down = cli("b").run("deploy", "--state", unreachable, "--env", env, "--ref", v2);

        assertThat(down.exitCode()).as(down.toString()).isEqualTo(3);
        assertThat(down.err()).contains("127.0.0.1:" + closed + "/" + database).contains("Nothing was changed")
                .doesNotContain("\tat ");
        String password = System.getenv("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            assertThat(down.err() + down.out()).doesNotContain(password);
        }
        assertThat(HttpGet.get(page).toString()).isEqualTo("200 shared v1");
        assertThat(Containers.named(RealCli.SERVICES.dockerHost(), "shared-" + env + "-")).isEqualTo(containersBefore);

        CliRun.Result second = cli("b").run("deploy", "--state", url, "--env", env, "--ref", v2);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(HttpGet.get(page).toString()).isEqualTo("200 shared v2");
        JsonNode fromA = JSON.readTree(cli("a").run("status", "--state", url, "--env", env, "--output", "json").out());
        assertThat(fromA.get("active").get("ref").asText()).isEqualTo(v2);
    }

    @Test
    void aPasswordInTheUrlIsBadInputNamingTheFlagAndNotThePassword() {
        CliRun.Result result = cli("c").run("releases", "--state", "postgresql://immutable:hunter2secret@127.0.0.1:5432/x");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--state").contains("PGPASSWORD or ~/.pgpass").doesNotContain("hunter2secret")
                .doesNotContain("\tat ");
    }

    private String build(String repository, String text) throws Exception {
        CliRun.Result built = cli("a").run("build", "--state", url, "--image", repository, "--context",
                SampleApp.write(dir.resolve("app-" + text.strip().replace(' ', '-')), text).toString(), "--output", "json");
        assertThat(built.exitCode()).as(built.toString()).isZero();
        return JSON.readTree(built.out()).get("ref").asText();
    }

    /** The command as run on one machine: its own working state folder. */
    private RealCli cli(String machine) {
        return new RealCli(dir.resolve(machine));
    }

    private static Connection connect(String jdbcUrl) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "immutable");
        String password = System.getenv("PGPASSWORD");
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl, p);
    }
}
