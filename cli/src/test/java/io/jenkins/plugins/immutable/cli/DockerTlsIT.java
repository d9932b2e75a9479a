package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.TlsDockerd;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command against a real dockerd that speaks only TLS with client verification, and the ways TLS fails. */
class DockerTlsIT {

    private static TlsDockerd daemon;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = TlsDockerd.start();
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void buildsAndPushesThroughTheTlsDaemonWithTheRightCertificates() throws Exception {
        Path context = SampleApp.write(dir.resolve("ctx"), "tls");
        String image = RealCli.SERVICES.registry() + "/" + RealCli.uniqueEnv("tls") + "/hello";
        CliRun.Result result = new RealCli(dir.resolve("state")).run("build", "--image", image, "--context", context.toString(),
                "--docker-host", daemon.host(), "--docker-tls-verify", "--docker-cert-path", daemon.clientCerts().toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains("[build] " + image + ":in-").contains("on " + daemon.host())
                .contains("built rel-").contains("[push] the registry serves " + image + "@sha256:");
    }

    @Test
    void deploysThroughTheTlsDaemonAndLaterCommandsFindItsTlsSettingsStored() throws Exception {
        Path state = dir.resolve("state-deploy");
        RealCli cli = new RealCli(state);
        String image = RealCli.SERVICES.registry() + "/" + RealCli.uniqueEnv("tls") + "/deploy";
        String[] tls = {"--docker-host", daemon.host(), "--docker-tls-verify", "--docker-cert-path", daemon.clientCerts().toString()};
        String v1 = ref(cli.run(concat(new String[] {"build", "--image", image, "--context",
                SampleApp.write(dir.resolve("ctx-d1"), "tls v1\n").toString(), "--output", "json"}, tls)));
        String v2 = ref(cli.run(concat(new String[] {"build", "--image", image, "--context",
                SampleApp.write(dir.resolve("ctx-d2"), "tls v2\n").toString(), "--output", "json"}, tls)));
        String env = RealCli.uniqueEnv("tls");
        try (HaproxyProcess haproxy = HaproxyProcess.start(dir.resolve("haproxy-tls"), "hello")) {
            CliRun.Result first = cli.run(concat(new String[] {"deploy", "--env", env, "--ref", v1, "--haproxy-socket",
                    haproxy.socket().toString(), "--haproxy-backend", haproxy.backend(), "--app", "tls"}, tls));
            assertThat(first.exitCode()).as(first.toString()).isZero();
            String url = "http://127.0.0.1:" + haproxy.frontendPort() + "/";
            assertThat(HttpGet.get(url).toString()).isEqualTo("200 tls v1");

            // Only --env and --ref: the daemon, TLS verification and certificate folder come from the stored environment.
            CliRun.Result second = cli.run("deploy", "--env", env, "--ref", v2);
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(HttpGet.get(url).toString()).isEqualTo("200 tls v2");
            CliRun.Result status = cli.run("status", "--env", env);
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).as(status.toString()).contains(v2.substring(v2.indexOf('@') + 1, v2.indexOf('@') + 20));
            // Both colours run on the TLS daemon, none on the default one the test's environment points at.
            assertThat(containers("--host", daemon.host(), "--tlsverify")).contains("tls-" + env + "-blue", "tls-" + env + "-green");
            assertThat(containers("--host", RealCli.SERVICES.dockerHost())).doesNotContain("tls-" + env + "-");
        }
        // Only the folder's path is stored, never what is in it.
        String keyLine = java.nio.file.Files.readAllLines(daemon.clientCerts().resolve("key.pem")).get(1);
        try (var files = java.nio.file.Files.walk(state)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String text = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain("PRIVATE KEY").doesNotContain(keyLine);
            }
        }
    }

    private static String containers(String... host) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("docker"));
        command.addAll(java.util.List.of(host));
        command.addAll(java.util.List.of("ps", "-a", "--format", "{{.Names}}"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_CERT_PATH", daemon.clientCerts().toString());
        Process docker = builder.start();
        String out = new String(docker.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(docker.waitFor()).as(out).isZero();
        return out;
    }

    private static String ref(CliRun.Result built) throws Exception {
        assertThat(built.exitCode()).as(built.toString()).isZero();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(built.out()).get("ref").asText();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void theSameSettingsFromTheEnvironmentWorkToo() throws Exception {
        Path context = SampleApp.write(dir.resolve("ctx-env"), "tls-env");
        String image = RealCli.SERVICES.registry() + "/" + RealCli.uniqueEnv("tls") + "/hello";
        CliRun.Result result = new CliRun().env("IMMUTABLE_STATE", dir.resolve("state-env").toString())
                .env("DOCKER_HOST", daemon.host()).env("DOCKER_TLS_VERIFY", "1")
                .env("DOCKER_CERT_PATH", daemon.clientCerts().toString()).env("HOSTNAME", "cli-it")
                .engines(io.jenkins.plugins.immutable.engine.ReleaseEngines::open)
                .run("build", "--image", image, "--context", context.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void aWrongCaExits3SayingTlsFailedAndWhy() throws Exception {
        Path context = SampleApp.write(dir.resolve("ctx-wrong"), "wrong");
        CliRun.Result result = new RealCli(dir.resolve("state-wrong")).run("build", "--image",
                RealCli.SERVICES.registry() + "/tls-wrong/hello", "--context", context.toString(), "--docker-host", daemon.host(),
                "--docker-tls-verify", "--docker-cert-path", daemon.wrongCaCerts().toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).as(result.toString())
                .contains("on the Docker daemon at " + daemon.host() + " but TLS failed: the daemon's certificate is not signed by"
                        + " the CA in ca.pem")
                .contains("--docker-cert-path").doesNotContain("\tat ");
    }

    @Test
    void noTlsAtAllExits3SayingTheDaemonWantsIt() throws Exception {
        Path context = SampleApp.write(dir.resolve("ctx-plain"), "plain");
        CliRun.Result result = new RealCli(dir.resolve("state-plain")).run("build", "--image",
                RealCli.SERVICES.registry() + "/tls-plain/hello", "--context", context.toString(), "--docker-host", daemon.host());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).as(result.toString()).contains("speaks TLS only").contains("--docker-tls-verify")
                .contains("on the Docker daemon at " + daemon.host());
    }
}
