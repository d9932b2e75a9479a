package io.jenkins.plugins.immutable.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.testing.SwarmFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live service changed behind the engine's back with {@code docker service update --image}: drift names it (the
 * image, and the router pointing where the replaced tasks no longer run), and {@code --repair} puts a fresh service of
 * the recorded digest back through the health gate. A clean environment first, so the detection is seen to fire.
 */
class SwarmDriftIT {

    @TempDir
    Path dir;

    @Test
    void aServiceUpdatedToAnotherImageIsDriftAndTheRepairPutsTheRecordedDigestBack() throws Exception {
        try (SwarmFixture env = new SwarmFixture(dir, 2)) {
            ImageRef v1 = env.release("v1");
            ImageRef other = env.release("changed by hand");
            env.deploy(v1);
            assertThat(env.engine().engine().drift(SwarmFixture.ENVIRONMENT, false, null).findings()).as("clean after a deploy")
                    .isEmpty();

            docker(env, "service", "update", "--detach", "--no-resolve-image", "--image", other.toString(), env.service("blue"));

            DriftReport found = env.engine().engine().drift(SwarmFixture.ENVIRONMENT, false, null);
            assertThat(found.findings()).as(found.findings().toString()).anyMatch(f -> f.kind() == DriftFinding.Kind.IMAGE
                    && f.colour() == Colour.BLUE && f.expected().equals(v1.toString()) && f.found().equals(other.toString()));

            DriftReport repaired = env.engine().engine().drift(SwarmFixture.ENVIRONMENT, true, null);

            assertThat(repaired.remaining()).as(repaired.toString()).isEmpty();
            assertThat(repaired.repaired()).as(repaired.toString()).isNotEmpty();
            assertThat(env.pages(6)).containsOnly("v1");
            assertThat(env.engine().engine().drift(SwarmFixture.ENVIRONMENT, false, null).findings()).isEmpty();
        }
    }

    private static void docker(SwarmFixture env, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("docker", "--host", env.swarm().dockerHost()));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }
}
