package io.jenkins.plugins.immutable.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker.withServer and docker.withRegistry (docker-commons) set these in the build environment; the engine gets them. */
class AgentSettingsTest {

    private static final Path WS = Path.of("/agent/ws");

    @Test
    void tlsAndTheRegistryLoginFolderReachTheEngine() {
        AgentSettings settings = AgentSettings.of(null, Map.of(
                "DOCKER_HOST", "tcp://docker.example:2376",
                "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/agent/ws@tmp/key123",
                "DOCKER_CONFIG", "/agent/ws@tmp/cfg456"));

        EngineConfig config = settings.engineConfig(WS, "/home/agent").build();

        assertThat(config.dockerHost()).isEqualTo("tcp://docker.example:2376");
        assertThat(config.dockerTlsVerify()).isTrue();
        assertThat(config.dockerCertPath()).isEqualTo(Path.of("/agent/ws@tmp/key123"));
        assertThat(config.dockerConfigDir()).isEqualTo(Path.of("/agent/ws@tmp/cfg456"));
        assertThat(config.stateDir()).isEqualTo(Path.of("/home/agent", AgentSettings.DEFAULT_STATE_DIR));
    }

    @Test
    void theGlobalSharedLedgerIsUsedWhenTheStepNamesNoFolderAndItsPasswordIsNeverPrinted() throws Exception {
        String url = "jdbc:postgresql://db.example:5432/immutable?user=jenkins";
        AgentSettings shared = AgentSettings.of(null, Map.of()).withLedger(url, "s3cret-pw");

        EngineConfig config = shared.engineConfig(WS, "/home/agent").build();
        assertThat(config.ledgerUrl()).isEqualTo(url);
        assertThat(config.ledgerPassword()).containsExactly("s3cret-pw".toCharArray());
        assertThat(shared.toString()).contains("password hidden").doesNotContain("s3cret-pw");
        assertThat(config.toString()).doesNotContain("s3cret-pw");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(shared); // what remoting sends to the agent for the one call
        }

        AgentSettings ownFolder = AgentSettings.of("ledger-here", Map.of()).withLedger(url, "s3cret-pw");
        EngineConfig wins = ownFolder.engineConfig(WS, "/home/agent").build();
        assertThat(wins.ledgerUrl()).as("a step's stateDir wins").isNull();
        assertThat(wins.ledgerPassword()).isNull();
        assertThat(wins.stateDir()).isEqualTo(WS.resolve("ledger-here"));
        assertThat(AgentSettings.of(null, Map.of()).engineConfig(WS, "/home/agent").build().ledgerUrl()).isNull();
    }

    @Test
    void withoutThemTheEngineKeepsItsDefaults() {
        EngineConfig config = AgentSettings.of(null, Map.of()).engineConfig(WS, "/home/agent").build();
        assertThat(config.dockerHost()).isNull();
        assertThat(config.dockerTlsVerify()).isNull();
        assertThat(config.dockerCertPath()).isNull();
        assertThat(config.dockerConfigDir()).isNull();
    }

    @Test
    void anEmptyTlsVerifyMeansNoTlsAsDockerReadsIt() {
        EngineConfig config = AgentSettings.of(null, Map.of("DOCKER_TLS_VERIFY", "", "DOCKER_CERT_PATH", " "))
                .engineConfig(WS, "/home/agent").build();
        assertThat(config.dockerTlsVerify()).isFalse();
        assertThat(config.dockerCertPath()).isNull();
    }
}
