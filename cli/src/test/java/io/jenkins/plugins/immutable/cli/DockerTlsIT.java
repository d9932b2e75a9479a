package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
