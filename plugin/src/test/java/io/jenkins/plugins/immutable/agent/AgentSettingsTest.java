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
