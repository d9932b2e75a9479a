package io.jenkins.plugins.immutable.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.testing.EngineFixture;
import io.jenkins.plugins.immutable.engine.testing.SwarmCluster;
import io.jenkins.plugins.immutable.engine.testing.SwarmFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two state folders (two agents) against one Swarm: the environment's lock is a config on the managers, whose name
 * only one creator gets, so the second deploy is refused naming the holder while the first runs, and nothing of its
 * own starts.
 */
class SwarmLockIT {

    @TempDir
    Path dir;

    @Test
    void aSecondStateFolderIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        try (SwarmFixture env = new SwarmFixture(dir, 2);
                EngineFixture other = new EngineFixture(dir.resolve("other-agent"), null, SwarmCluster.get().dockerHost(),
                        SwarmCluster.get().registry())) {
            var v1 = env.release("v1");
            AtomicReference<Throwable> refused = new AtomicReference<>();
            AtomicReference<List<String>> locksDuring = new AtomicReference<>();
            env.engine().onEvent(event -> {
                if (event instanceof EngineEvent.HealthProbe && refused.get() == null) {
                    locksDuring.set(lockConfigs());
                    try {
                        other.engine().deploy(env.deployRequest(v1).build());
                        refused.set(new AssertionError("the second agent's deploy went ahead"));
                    } catch (Exception e) {
                        refused.set(e);
                    }
                }
            });

            env.deploy(v1);

            assertThat(refused.get()).isInstanceOfSatisfying(ReleaseException.class, e -> {
                assertThat(e.kind()).isEqualTo(ReleaseException.Kind.FAILED_SAFELY);
                assertThat(e.getMessage()).contains("Environment 'staging' is locked on the Swarm of " + SwarmCluster.get().dockerHost())
                        .contains("pid " + ProcessHandle.current().pid()).contains("(deploy since").contains("Nothing was changed");
            });
            assertThat(locksDuring.get()).contains("immutable-lock-staging");
            assertThat(env.services()).containsExactly(env.service("blue"));
            assertThat(lockConfigs()).as("released after the deploy").isEmpty();
        }
    }

    private static List<String> lockConfigs() {
        try (DockerClient docker = SwarmCluster.get().managerClient()) {
            return docker.listConfigsCmd().exec().stream().map(c -> c.getSpec().getName())
                    .filter(n -> n.startsWith("immutable-lock-staging")).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
