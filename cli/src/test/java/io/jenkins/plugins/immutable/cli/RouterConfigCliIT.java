package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code immutable router-config} prints is pasted, as it is, into a real HAProxy's configuration; a deploy
 * through that HAProxy serves the release; {@code router-config --env} then prints the same section with the stored
 * socket.
 */
class RouterConfigCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String env = RealCli.uniqueEnv("rcfg");
    private HaproxyProcess haproxy;

    @AfterEach
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        RealCli.removeContainers("hello-" + env + "-");
    }

    @Test
    void thePrintedBackendRunsInHaproxyAndADeployGoesThroughIt() throws Exception {
        RealCli cli = new RealCli(dir.resolve("state"));
        CliRun.Result printed = cli.run("router-config", "--haproxy-backend", "hello");
        assertThat(printed.exitCode()).as(printed.toString()).isZero();
        haproxy = HaproxyProcess.start(dir.resolve("haproxy"), "hello",
                text -> text.substring(0, text.indexOf("\nbackend hello") + 1) + printed.out());

        CliRun.Result built = cli.run("build", "--image", RealCli.SERVICES.registry() + "/cli-it/rcfg", "--context",
                SampleApp.write(dir.resolve("app"), "pasted\n").toString(), "--output", "json");
        assertThat(built.exitCode()).as(built.toString()).isZero();
        String ref = JSON.readTree(built.out()).get("ref").asText();
        CliRun.Result deployed = cli.run("deploy", "--env", env, "--ref", ref, "--app", "hello", "--health-path", "/health",
                "--haproxy-socket", haproxy.socket().toString(), "--haproxy-backend", "hello");
        assertThat(deployed.exitCode()).as(deployed.toString()).isZero();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + haproxy.frontendPort() + "/")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body().strip()).isEqualTo("pasted");

        CliRun.Result stored = cli.run("router-config", "--env", env);
        assertThat(stored.exitCode()).as(stored.toString()).isZero();
        assertThat(stored.out()).contains("environment '" + env + "' on one Docker host")
                .contains("stats socket " + haproxy.socket() + " mode 600 level admin")
                .contains("backend hello\n    mode http\n    server blue 127.0.0.1:1 disabled\n    server green 127.0.0.1:1 disabled\n");
    }
}
