package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.SettingsOverrides;
import io.jenkins.plugins.immutable.testing.Samples;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code haproxySocket: 'tcp://HOST:PORT'} and the build environment's Docker TLS, as the deploy step hands them on. */
class RemoteEndpointsTranslationTest {

    @TempDir
    Path workspace;

    @Test
    void aTcpHaproxySocketPassesThroughUntouched() throws Exception {
        ImmutableDeployStep step = new ImmutableDeployStep(Samples.refText('a'), "staging");
        step.setHaproxySocket("tcp://10.0.0.5:9999");
        SettingsOverrides o = step.toSpec().toRequest(workspace, null).overrides();
        assertThat(o.haproxyTcp()).isEqualTo("tcp://10.0.0.5:9999");
        assertThat(o.haproxySocket()).isNull();
    }

    @Test
    void theBuildEnvironmentsDockerTlsReachesTheEngineWhichStoresItWithANewEnvironment() {
        // docker.withServer sets these; the engine's Docker TLS is what a new environment stores (SettingsResolver)
        EngineConfig config = AgentSettings.of(null, Map.of("DOCKER_HOST", "tcp://10.0.0.6:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "certs")).engineConfig(workspace, "/home/agent").build();
        assertThat(config.dockerTlsVerify()).isTrue();
        assertThat(config.dockerCertPath()).isEqualTo(workspace.resolve("certs"));
        assertThat(config.dockerHost()).isEqualTo("tcp://10.0.0.6:2376");
    }
}
