package io.jenkins.plugins.immutable.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bridge scripts/services makes for its daemon has a MAC address of its own. Without one, Linux gives a bridge its
 * lowest port's address, so it changed whenever a container started or was removed, and the other containers' answers
 * to the host went to the old address for seconds: the stalls that CanaryIT, DriftIT and the bench's rollback met now
 * and then (captured on the bridge: a 200 OK retransmitted for 3 s, never acknowledged, after another container's
 * removal). {@code addr_assign_type} 3 is the kernel's "set by the user": the bridge no longer follows its ports.
 */
class ServicesBridgeIT {

    @Test
    void theDaemonsBridgeKeepsTheAddressItWasGiven() throws Exception {
        String host = TestServices.get().dockerHost();
        try (DockerClient docker = DockerClientImpl.getInstance(DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host).build(), new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host)).build())) {
            String bridge = docker.inspectNetworkCmd().withNetworkId("bridge").exec().getOptions()
                    .get("com.docker.network.bridge.name");
            assertThat(bridge).as("the daemon's default network names its bridge").isNotBlank();

            Path device = Path.of("/sys/class/net", bridge);
            assertThat(Files.readString(device.resolve("addr_assign_type")).strip())
                    .as("%s's MAC address is set, not taken from its ports", bridge).isEqualTo("3");
            assertThat(Files.readString(device.resolve("address")).strip()).as("locally administered").startsWith("02:");
        }
    }
}
