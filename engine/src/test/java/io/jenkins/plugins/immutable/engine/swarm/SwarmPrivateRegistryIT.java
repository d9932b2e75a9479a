package io.jenkins.plugins.immutable.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.testing.AuthRegistry;
import io.jenkins.plugins.immutable.engine.testing.EngineFixture;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.SwarmCluster;
import io.jenkins.plugins.immutable.engine.testing.SwarmFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swarm's nodes pull a colour's image themselves, from whichever node a replica lands on: for a private registry the
 * deploy's credentials must travel with the service (X-Registry-Auth on create). A registry of the test's own that
 * demands a password, on the cluster's bridge where every node reaches it.
 */
class SwarmPrivateRegistryIT {

    private static final String PASSWORD = "swarm-" + UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void withoutCredentialsNoNodeCanPullAndTheDeployFailsSafelyWithThemEveryReplicaRuns() throws Exception {
        SwarmCluster swarm = SwarmCluster.get();
        String bridge = swarm.registry().substring(0, swarm.registry().lastIndexOf(':'));
        try (AuthRegistry registry = AuthRegistry.start(dir.resolve("private-registry"), "alice", PASSWORD, bridge)) {
            System.setProperty("immutable.insecureRegistries", swarm.registry() + "," + registry.address());
            // An empty Docker config folder: no credentials but the ones the requests carry.
            EngineFixture engine = new EngineFixture(dir.resolve("state"), Files.createDirectories(dir.resolve("docker-config")),
                    swarm.dockerHost(), registry.address());
            try (SwarmFixture env = new SwarmFixture(dir, 2, engine)) {
                RegistryCredentials alice = new RegistryCredentials("alice", PASSWORD);
                ImageRef v1 = engine.engine().build(engine.request(engine.repository("private"),
                        SampleApp.write(dir.resolve("ctx"), "private v1\n")).credentials(alice).build()).release().ref();

                ReleaseException refused = catchThrowableOfType(
                        () -> engine.engine().deploy(env.deployRequest(v1).healthTimeout("30s").build()), ReleaseException.class);

                assertThat(refused).as("a deploy without credentials").isNotNull();
                assertThat(refused.kind()).isEqualTo(ReleaseException.Kind.FAILED_SAFELY);
                assertThat(refused.getMessage()).contains(env.service("blue")).contains("could not be pulled by its nodes")
                        .doesNotContain(PASSWORD);
                assertThat(env.services()).as("the service that could not pull is removed").isEmpty();

                engine.engine().deploy(env.deployRequest(v1).credentials(alice).build());

                assertThat(env.services()).containsExactly(env.service("blue"));
                assertThat(env.pages(6)).containsOnly("private v1");
            }
        }
    }
}
