package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --haproxy-socket tcp://HOST:PORT}, {@code --docker-tls-verify} and {@code --docker-cert-path}: parsing and bad input. */
class RemoteEndpointOptionsTest {

    private static final String REF = FakeEngine.REF_1.toString();

    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine();

    @Test
    void aTcpRouterAddressIsNotTakenForARelativePath() {
        CliRun.Result result = new CliRun().engine(engine).run("deploy", "--env", "prod", "--ref", REF,
                "--haproxy-socket", "tcp://127.0.0.1:9999");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        DeployRequest request = (DeployRequest) engine.calls.get(0);
        assertThat(request.overrides().haproxyTcp()).isEqualTo("tcp://127.0.0.1:9999");
        assertThat(request.overrides().haproxySocket()).isNull();
    }

    @Test
    void tlsFlagsReachTheEngineAndTheDeployRequest() throws Exception {
        Path certs = certFolder();
        CliRun.Result result = new CliRun().engine(engine).run("deploy", "--env", "prod", "--ref", REF, "--haproxy-socket",
                "/run/h.sock", "--docker-host", "tcp://127.0.0.1:2376", "--docker-tls-verify", "--docker-cert-path", certs.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(engine.config.dockerTlsVerify()).isTrue();
        assertThat(engine.config.dockerCertPath()).isEqualTo(certs);
        DeployRequest request = (DeployRequest) engine.calls.get(0);
        assertThat(request.overrides().dockerTlsVerify()).isTrue();
        assertThat(request.overrides().dockerCertPath()).isEqualTo(certs);
    }

    @Test
    void tlsFromTheEnvironmentReachesTheEngineButIsNotAnOverride() throws Exception {
        Path certs = certFolder();
        CliRun.Result result = new CliRun().engine(engine).env("DOCKER_TLS_VERIFY", "1").env("DOCKER_CERT_PATH", certs.toString())
                .run("deploy", "--env", "prod", "--ref", REF, "--haproxy-socket", "/run/h.sock");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(engine.config.dockerTlsVerify()).isTrue();
        assertThat(engine.config.dockerCertPath()).isEqualTo(certs);
        assertThat(((DeployRequest) engine.calls.get(0)).overrides().dockerTlsVerify()).isNull();
    }

    @Test
    void aTcpAddressWithoutAPortExits2NamingTheFlag() {
        assertBad(new CliRun().run("deploy", "--env", "prod", "--ref", REF, "--haproxy-socket", "tcp://127.0.0.1"),
                "--haproxy-socket: 'tcp://127.0.0.1' has no port: expected tcp://HOST:PORT");
        assertBad(new CliRun().run("deploy", "--env", "prod", "--ref", REF, "--haproxy-socket", "tcp://127.0.0.1:99999"),
                "--haproxy-socket: 'tcp://127.0.0.1:99999' has the port '99999': expected a number from 1 to 65535");
        assertBad(new CliRun().run("deploy", "--env", "prod", "--ref", REF, "--haproxy-socket", "http://lb:9999"),
                "--haproxy-socket: 'http://lb:9999' uses the scheme http://");
    }

    @Test
    void aCertPathWithoutTheThreeFilesExits2NamingTheFlag() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "x");
        assertBad(new CliRun().run("status", "--env", "prod", "--docker-cert-path", dir.toString()),
                "--docker-cert-path: " + dir + " has no cert.pem, key.pem: expected a folder with ca.pem, cert.pem and key.pem");
        assertBad(new CliRun().run("status", "--env", "prod", "--docker-cert-path", dir.resolve("ca.pem").toString()),
                "--docker-cert-path: '" + dir.resolve("ca.pem") + "' is not a folder");
        assertBad(new CliRun().env("DOCKER_TLS_VERIFY", "1").env("DOCKER_CERT_PATH", dir.resolve("none").toString())
                .run("status", "--env", "prod"), "(from DOCKER_CERT_PATH)");
    }

    private static void assertBad(CliRun.Result result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(message).doesNotContain("\tat ");
    }

    private Path certFolder() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        for (String file : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
            Files.writeString(certs.resolve(file), "pem");
        }
        return certs;
    }
}
