package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalServicesTest {

    @Test
    void readsTheExportLinesOfScriptsServicesEnv() {
        Map<String, String> parsed = LocalServices.parse("""
                export DOCKER_HOST=unix:///tmp/imr-1/docker/docker.sock
                export IMMUTABLE_REGISTRY=127.0.0.1:30688
                services: a log line that is not an export
                export IMMUTABLE_RUN_DIR=/tmp/imr-1
                """);

        assertThat(parsed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DOCKER_HOST", "unix:///tmp/imr-1/docker/docker.sock",
                "IMMUTABLE_REGISTRY", "127.0.0.1:30688",
                "IMMUTABLE_RUN_DIR", "/tmp/imr-1"));
    }
}
