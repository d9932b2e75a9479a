package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.docker.DockerEndpoint;
import io.jenkins.plugins.immutable.engine.platform.SettingsLabel;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels;
import org.junit.jupiter.api.Test;

/** {@code --platform} and {@code --replicas}: validated per field, stored with the environment, on its label. */
class PlatformSettingsTest {

    private static final String REF = "127.0.0.1:5000/shop@sha256:" + "a".repeat(64);
    private static final DockerEndpoint DOCKER = new DockerEndpoint("unix:///run/docker.sock", null, null);

    private static DeployRequest.Builder request() {
        return DeployRequest.builder().environment("prod").ref(REF).haproxySocket("/run/h.sock");
    }

    private static EnvironmentSettings resolve(EnvironmentSettings stored, DeployRequest request) throws InvalidInputException {
        return SettingsResolver.resolve("prod", stored, request.overrides(), ImageRef.parse(REF), DOCKER);
    }

    @Test
    void aSwarmWithItsReplicasIsStoredAndKeptByLaterDeploys() throws Exception {
        EnvironmentSettings first = resolve(null, request().platform("swarm").replicas(3).build());
        assertThat(first.onSwarm()).isTrue();
        assertThat(first.replicaCount()).isEqualTo(3);

        EnvironmentSettings later = resolve(first, DeployRequest.builder().environment("prod").ref(REF).build());
        assertThat(later.platformName()).isEqualTo("swarm");
        assertThat(later.replicaCount()).isEqualTo(3);

        EnvironmentSettings scaled = resolve(first, DeployRequest.builder().environment("prod").ref(REF).replicas(5).build());
        assertThat(scaled.replicaCount()).isEqualTo(5);
    }

    @Test
    void dockerStaysTheDefaultWithOneContainerPerColour() throws Exception {
        EnvironmentSettings settings = resolve(null, request().build());
        assertThat(settings.platformName()).isEqualTo("docker");
        assertThat(settings.platform()).isNull();
        assertThat(settings.replicaCount()).isEqualTo(1);
    }

    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> request().platform("k8s").build()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).anyMatch(p -> p.field().equals("platform") && p.message().contains("expected docker")));
        assertThatThrownBy(() -> request().platform("swarm").replicas("0").build()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).anyMatch(p -> p.field().equals("replicas") && p.message().contains("1 or more")));
        assertThatThrownBy(() -> request().platform("docker").replicas(2).build()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).anyMatch(p -> p.field().equals("replicas")));
    }

    @Test
    void aCanaryOnASwarmIsAcceptedAndStoredWithItsReplicas() throws Exception {
        EnvironmentSettings canary = resolve(null, request().platform("swarm").replicas(3).strategy("canary")
                .canary("5,25,100", "10s", "1%", null, "20").build());
        assertThat(canary.onSwarm()).isTrue();
        assertThat(canary.replicaCount()).isEqualTo(3);
        assertThat(canary.canary()).isNotNull();
        assertThat(canary.canary().steps()).containsExactly(5, 25, 100);
        // A later deploy that names neither keeps both: the stored canary runs on the stored Swarm.
        EnvironmentSettings later = resolve(canary, DeployRequest.builder().environment("prod").ref(REF).build());
        assertThat(later.onSwarm()).isTrue();
        assertThat(later.canary()).isEqualTo(canary.canary());
    }

    @Test
    void replicasForAStoredDockerEnvironmentAreRefused() throws Exception {
        EnvironmentSettings docker = resolve(null, request().build());
        assertThatThrownBy(() -> resolve(docker, DeployRequest.builder().environment("prod").ref(REF).replicas(3).build()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).anyMatch(p -> p.field().equals("replicas")));
    }

    @Test
    void theLabelCarriesThePlatformOnlyWhenSetAndReadsBack() throws Exception {
        EnvironmentSettings docker = resolve(null, request().build());
        assertThat(SettingsLabel.encode(docker)).doesNotContain("platform").doesNotContain("replicas");
        EnvironmentSettings swarm = resolve(null, request().platform("swarm").replicas(3).build());
        EnvironmentSettings read = SettingsLabel.decode(SettingsLabel.encode(swarm), "unix:///run/docker.sock").orElseThrow();
        assertThat(read.platformName()).isEqualTo("swarm");
        assertThat(read.replicaCount()).isEqualTo(3);
        // A Docker host container's fingerprint stays what engines before platforms wrote; a Swarm's counts its replicas.
        assertThat(TargetLabels.fingerprint(docker)).isEqualTo(TargetLabels.fingerprint(new EnvironmentSettings(docker.app(),
                docker.dockerHost(), docker.containerPort(), docker.healthPath(), docker.healthTimeout(), docker.haproxySocket(),
                docker.haproxyBackend(), docker.manualPromotion(), docker.keepPrevious(), docker.readOnly(), docker.writablePaths())));
        assertThat(TargetLabels.fingerprint(swarm)).isNotEqualTo(TargetLabels.fingerprint(
                resolve(swarm, DeployRequest.builder().environment("prod").ref(REF).replicas(4).build())));
    }
}
