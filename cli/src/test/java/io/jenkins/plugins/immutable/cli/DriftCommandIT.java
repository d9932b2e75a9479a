package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code immutable drift} against the real daemon and HAProxy: exit 0 clean, 5 on drift, its JSON, and the repair. */
class DriftCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String env = RealCli.uniqueEnv("drift");
    private HaproxyProcess haproxy;

    @AfterEach
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        RealCli.removeContainers("hello-" + env + "-");
    }

    @Test
    void cleanExits0DriftExits5AndRepairBringsItBack() throws Exception {
        RealCli cli = new RealCli(dir.resolve("state"));
        haproxy = HaproxyProcess.start(dir.resolve("haproxy"), "hello");
        CliRun.Result built = cli.run("build", "--image", RealCli.SERVICES.registry() + "/cli-it/drift", "--context",
                SampleApp.write(dir.resolve("app"), "drift\n").toString(), "--output", "json");
        assertThat(built.exitCode()).as(built.toString()).isZero();
        String ref = JSON.readTree(built.out()).get("ref").asText();
        CliRun.Result deployed = cli.run("deploy", "--env", env, "--ref", ref, "--app", "hello", "--health-path", "/health",
                "--haproxy-socket", haproxy.socket().toString(), "--haproxy-backend", "hello", "--writable-path", "/tmp");
        assertThat(deployed.exitCode()).as(deployed.toString()).isZero();

        CliRun.Result clean = cli.run("drift", "--env", env);
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("environment " + env + ": no drift");
        record("clean", clean);

        docker("exec", "hello-" + env + "-blue", "/bin/busybox", "sh", "-c", "echo defaced > /www/index.html");
        docker("exec", "hello-" + env + "-blue", "/bin/busybox", "mkdir", "/tmp");
        docker("exec", "hello-" + env + "-blue", "/bin/busybox", "sh", "-c", "echo scratch > /tmp/ok");

        CliRun.Result found = cli.run("drift", "--env", env);
        record("found", found);
        assertThat(found.exitCode()).as(found.toString()).isEqualTo(5);
        assertThat(found.out()).contains("FILES_CHANGED  blue  hello-" + env + "-blue").contains("/www/index.html")
                .doesNotContain("/tmp/ok").contains("expected: no change outside /tmp");

        CliRun.Result json = cli.run("drift", "--env", env, "--output", "json");
        record("json", json);
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(5);
        JsonNode document = JSON.readTree(json.out());
        assertThat(document.get("env").asText()).isEqualTo(env);
        assertThat(document.get("findings")).hasSize(1);
        JsonNode finding = document.get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("FILES_CHANGED");
        assertThat(finding.get("colour").asText()).isEqualTo("blue");
        assertThat(finding.get("container").asText()).isEqualTo("hello-" + env + "-blue");
        assertThat(finding.get("found").asText()).contains("/www/index.html");
        assertThat(finding.has("what")).isTrue();
        assertThat(finding.has("expected")).isTrue();
        assertThat(document.get("repaired")).isEmpty();
        assertThat(document.get("drifted").asBoolean()).isTrue();

        CliRun.Result repaired = cli.run("drift", "--env", env, "--repair");
        record("repair", repaired);
        assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
        assertThat(repaired.out()).contains("replaced blue").contains("no drift after the repair");

        CliRun.Result after = cli.run("drift", "--env", env, "--output", "json");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(JSON.readTree(after.out()).get("findings")).isEmpty();
    }

    @Test
    void anUnknownEnvironmentIsBadInputNamingEnv() {
        CliRun.Result result = new RealCli(dir.resolve("state")).run("drift", "--env", "nowhere");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--env").contains("nowhere");
    }

    /** Keeps each run's output beside the test reports, for the README's example. */
    private static void record(String name, CliRun.Result result) throws Exception {
        Path out = Path.of("target/drift-output");
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + ".txt"), "exit " + result.exitCode() + "\n--- stdout\n" + result.out()
                + "--- stderr\n" + result.err());
    }

    private static void docker(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("docker", "-H", RealCli.SERVICES.dockerHost()));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(command, Path.of("").toAbsolutePath(), Map.of());
        assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result).isZero();
    }
}
