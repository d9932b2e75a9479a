package io.jenkins.plugins.immutable.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyAddressTest {

    private static final String REF = "127.0.0.1:5000/app@sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645a";

    @Test
    void aPathIsAUnixSocketAndTcpIsHostAndPort() {
        HaproxyAddress unix = HaproxyAddress.parse("/run/haproxy/admin.sock");
        assertThat(unix.isTcp()).isFalse();
        assertThat(unix.socket()).isEqualTo(Path.of("/run/haproxy/admin.sock"));
        assertThat(HaproxyAddress.parse("unix:///run/haproxy/admin.sock")).isEqualTo(unix);

        HaproxyAddress tcp = HaproxyAddress.parse(" tcp://10.0.0.5:9999 ");
        assertThat(tcp.isTcp()).isTrue();
        assertThat(tcp.socket()).isNull();
        assertThat(tcp.host()).isEqualTo("10.0.0.5");
        assertThat(tcp.port()).isEqualTo(9999);
        assertThat(tcp).hasToString("tcp://10.0.0.5:9999");
        assertThat(HaproxyAddress.parse("tcp://[::1]:9999/")).hasToString("tcp://[::1]:9999").extracting(HaproxyAddress::host)
                .isEqualTo("::1");
        assertThat(HaproxyAddress.parse("tcp://lb.internal:9999").host()).isEqualTo("lb.internal");
    }

    @Test
    void aTcpAddressNeedsAPortInRangeAndNoOtherSchemeIsTaken() {
        assertThatThrownBy(() -> HaproxyAddress.parse("tcp://lb.internal"))
                .hasMessage("'tcp://lb.internal' has no port: expected tcp://HOST:PORT, such as tcp://lb.internal:9999 (the port"
                        + " of 'stats socket ipv4@…:PORT level admin' in haproxy.cfg)");
        assertThatThrownBy(() -> HaproxyAddress.parse("tcp://lb:70000")).hasMessageContaining("expected a number from 1 to 65535");
        assertThatThrownBy(() -> HaproxyAddress.parse("tcp://lb:0")).hasMessageContaining("expected a number from 1 to 65535");
        assertThatThrownBy(() -> HaproxyAddress.parse("tcp://lb:http")).hasMessageContaining("the port 'http'");
        assertThatThrownBy(() -> HaproxyAddress.parse("tcp://:9999")).hasMessageContaining("is not tcp://HOST:PORT");
        assertThatThrownBy(() -> HaproxyAddress.parse("http://lb:9999"))
                .hasMessage("'http://lb:9999' uses the scheme http://: " + HaproxyAddress.EXPECTED);
        assertThatThrownBy(() -> HaproxyAddress.parse(" ")).hasMessageStartingWith("empty");
    }

    @Test
    void aDeployRequestCarriesEitherFormAndNamesTheFlagWhenBad() throws Exception {
        SettingsOverrides tcp = DeployRequest.builder().environment("prod").ref(REF).haproxySocket("tcp://127.0.0.1:9999").build()
                .overrides();
        assertThat(tcp.haproxySocket()).isNull();
        assertThat(tcp.haproxyTcp()).isEqualTo("tcp://127.0.0.1:9999");
        assertThat(tcp.router()).isEqualTo(HaproxyAddress.parse("tcp://127.0.0.1:9999"));

        SettingsOverrides unix = DeployRequest.builder().environment("prod").ref(REF).haproxySocket("/run/h.sock").build().overrides();
        assertThat(unix.haproxySocket()).isEqualTo(Path.of("/run/h.sock"));
        assertThat(unix.haproxyTcp()).isNull();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> DeployRequest.builder()
                .environment("prod").ref(REF).haproxySocket("tcp://127.0.0.1").build());
        assertThat(e.problems()).extracting(Problem::field).containsExactly("haproxySocket");
        assertThat(e.getMessage()).contains("has no port");
    }

    @Test
    void aDockerCertPathMustHoldTheThreeFiles(@TempDir Path dir) throws Exception {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> DeployRequest.builder()
                .environment("prod").ref(REF).dockerTls(true, dir.toString()).build());
        assertThat(e.problems()).extracting(Problem::field).containsExactly("dockerCertPath");
        assertThat(e.getMessage()).contains("has no ca.pem, cert.pem, key.pem");
        for (String file : DockerCertPath.FILES) {
            Files.writeString(dir.resolve(file), "pem");
        }
        SettingsOverrides o = DeployRequest.builder().environment("prod").ref(REF).dockerTls(true, dir.toString()).build().overrides();
        assertThat(o.dockerTlsVerify()).isTrue();
        assertThat(o.dockerCertPath()).isEqualTo(dir.toAbsolutePath());
        assertThatThrownBy(() -> DockerCertPath.parse(dir.resolve("ca.pem").toString())).hasMessageContaining("is not a folder");
    }

    @Test
    void settingsHoldOneRouterAndTheOldConstructorStillWorks() {
        EnvironmentSettings old = new EnvironmentSettings("shop", "unix:///d.sock", 8080, "/", java.time.Duration.ofSeconds(5),
                Path.of("/run/h.sock"), "app", false, java.time.Duration.ofHours(1), false, null);
        assertThat(old.router()).isEqualTo(HaproxyAddress.parse("/run/h.sock"));
        assertThat(old.dockerTlsVerify()).isNull();
        EnvironmentSettings remote = old.withRouter(HaproxyAddress.parse("tcp://lb:9999"));
        assertThat(remote.haproxySocket()).isNull();
        assertThat(remote.haproxyTcp()).isEqualTo("tcp://lb:9999");
        assertThat(remote.withRouter(HaproxyAddress.parse("/run/h.sock"))).isEqualTo(old);
        assertThatThrownBy(() -> new EnvironmentSettings("shop", "unix:///d.sock", 8080, "/", java.time.Duration.ofSeconds(5),
                Path.of("/run/h.sock"), "app", false, java.time.Duration.ofHours(1), false, null, false, null, "tcp://lb:9999", null, null))
                .hasMessageContaining("not both");
    }
}
