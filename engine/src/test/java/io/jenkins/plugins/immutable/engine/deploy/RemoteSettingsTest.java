package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.SettingsOverrides;
import io.jenkins.plugins.immutable.engine.docker.DockerEndpoint;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import io.jenkins.plugins.immutable.engine.platform.SettingsLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote endpoints in the settings: environments stored before them still read, and the new fields round-trip. */
class RemoteSettingsTest {

    private static final String REF = "127.0.0.1:5000/shop@sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645a";

    /** An environment's state file as the engine wrote it before remote endpoints (from a demo run). */
    private static final String STORED_BEFORE = """
            {
              "version" : 1,
              "name" : "demo",
              "settings" : {
                "app" : "hello",
                "dockerHost" : "unix:///tmp/imr/docker/docker.sock",
                "containerPort" : 8080,
                "healthPath" : "/health",
                "healthTimeout" : "PT30S",
                "haproxySocket" : "file:///tmp/imr/demo/haproxy.sock",
                "haproxyBackend" : "hello",
                "manualPromotion" : false,
                "keepPrevious" : "PT1H"
              }
            }
            """;

    /** A settings label as the engine put it on containers before remote endpoints. */
    private static final String LABEL_BEFORE = "{\"v\":1,\"app\":\"hello\",\"containerPort\":8080,\"healthPath\":\"/health\","
            + "\"healthTimeout\":\"PT30S\",\"haproxySocket\":\"/tmp/imr/demo/haproxy.sock\",\"haproxyBackend\":\"hello\","
            + "\"manualPromotion\":false,\"keepPrevious\":\"PT1H\",\"readOnly\":false,\"writablePaths\":[]}";

    @Test
    void anEnvironmentStoredBeforeRemoteEndpointsReadsWithItsUnixSocket(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("environments/demo.json"), STORED_BEFORE);
        Ledger ledger = Ledger.open(dir);
        EnvironmentSettings settings = ledger.readState("demo", EnvironmentState.class).orElseThrow().settings();
        assertThat(settings.router()).isEqualTo(HaproxyAddress.parse("/tmp/imr/demo/haproxy.sock"));
        assertThat(settings.haproxyTcp()).isNull();
        assertThat(settings.dockerTlsVerify()).isNull();
        assertThat(settings.dockerCertPath()).isNull();
    }

    @Test
    void tcpRouterAndDockerTlsRoundTripThroughTheLedgerWithoutKeyMaterial(@TempDir Path dir) throws Exception {
        Ledger ledger = Ledger.open(dir);
        EnvironmentSettings remote = sample().withRouter(HaproxyAddress.parse("tcp://10.0.0.5:9999"))
                .withDockerTls(true, Path.of("/etc/docker/client"));
        ledger.writeState("prod", EnvironmentState.fresh("prod", remote));
        String json = ledger.stateJson("prod").orElseThrow();
        assertThat(json).contains("\"haproxyTcp\" : \"tcp://10.0.0.5:9999\"", "\"dockerTlsVerify\" : true")
                .doesNotContain("\"haproxySocket\"").doesNotContain("BEGIN");
        assertThat(ledger.readState("prod", EnvironmentState.class).orElseThrow().settings()).isEqualTo(remote);
    }

    @Test
    void aCanaryRoundTripsThroughTheLedgerAndTheLabel(@TempDir Path dir) throws Exception {
        io.jenkins.plugins.immutable.engine.api.CanarySettings canary = new io.jenkins.plugins.immutable.engine.api.CanarySettings(
                java.util.List.of(5, 0, 100), java.time.Duration.ofSeconds(2), 0.005, java.time.Duration.ofMillis(800), 20, 3);
        EnvironmentSettings s = sample();
        EnvironmentSettings withCanary = new EnvironmentSettings(s.app(), s.dockerHost(), s.containerPort(), s.healthPath(),
                s.healthTimeout(), s.haproxySocket(), s.haproxyBackend(), s.manualPromotion(), s.keepPrevious(), s.readOnly(),
                s.writablePaths(), s.requireSignature(), s.publicKey(), s.haproxyTcp(), s.dockerTlsVerify(), s.dockerCertPath(),
                canary);
        Ledger ledger = Ledger.open(dir);
        ledger.writeState("prod", EnvironmentState.fresh("prod", withCanary));
        assertThat(ledger.readState("prod", EnvironmentState.class).orElseThrow().settings().canary()).isEqualTo(canary);
        assertThat(SettingsLabel.decode(SettingsLabel.encode(withCanary), s.dockerHost()).orElseThrow().canary()).isEqualTo(canary);
        assertThat(SettingsLabel.encode(s)).doesNotContain("canary");
        assertThat(withCanary.strategy()).isEqualTo("canary");
        assertThat(s.strategy()).isEqualTo("blue-green");
    }

    @Test
    void aUnixLabelIsWrittenAsBeforeAndATcpOneCarriesItsAddress() {
        EnvironmentSettings unix = SettingsLabel.decode(LABEL_BEFORE, "unix:///d.sock").orElseThrow();
        assertThat(unix.router()).isEqualTo(HaproxyAddress.parse("/tmp/imr/demo/haproxy.sock"));
        assertThat(SettingsLabel.encode(unix)).isEqualTo(LABEL_BEFORE);

        EnvironmentSettings tcp = unix.withRouter(HaproxyAddress.parse("tcp://10.0.0.5:9999"));
        String label = SettingsLabel.encode(tcp);
        assertThat(label).contains("\"haproxyTcp\":\"tcp://10.0.0.5:9999\"");
        assertThat(SettingsLabel.decode(label, "unix:///d.sock").orElseThrow().router()).isEqualTo(tcp.router());
    }

    @Test
    void aGivenRouterReplacesTheStoredOneAndTlsFallsBackToTheEngines() throws Exception {
        ImageRef ref = ImageRef.parse(REF);
        DockerEndpoint engine = new DockerEndpoint("tcp://10.0.0.9:2376", true, Path.of("/certs"));
        EnvironmentSettings stored = sample();
        SettingsOverrides toTcp = DeployRequest.builder().environment("prod").ref(REF).haproxySocket("tcp://10.0.0.5:9999").build()
                .overrides();
        EnvironmentSettings moved = SettingsResolver.resolve("prod", stored, toTcp, ref, engine);
        assertThat(moved.router()).isEqualTo(HaproxyAddress.parse("tcp://10.0.0.5:9999"));
        assertThat(moved.haproxySocket()).isNull();
        // an environment stored before TLS settings keeps the process environment's (null), as it did
        assertThat(moved.dockerTlsVerify()).isEqualTo(true);
        assertThat(moved.dockerCertPath()).isEqualTo(Path.of("/certs"));

        EnvironmentSettings kept = SettingsResolver.resolve("prod", moved, SettingsOverrides.NONE, ref, engine);
        assertThat(kept.router()).isEqualTo(moved.router());

        EnvironmentSettings fresh = SettingsResolver.resolve("new", null, toTcp, ref, engine);
        assertThat(fresh.dockerHost()).isEqualTo("tcp://10.0.0.9:2376");
        assertThat(fresh.dockerTlsVerify()).isTrue();
        assertThat(fresh.dockerCertPath()).isEqualTo(Path.of("/certs"));
    }

    private static EnvironmentSettings sample() {
        return new EnvironmentSettings("shop", "unix:///d.sock", 8080, "/health", Duration.ofSeconds(30), Path.of("/run/h.sock"),
                "app", false, Duration.ofHours(1), false, null);
    }
}
