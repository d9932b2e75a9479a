package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.ReleaseEngines;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command in-process against the real engine, daemon and registry (started by scripts/services), with its own
 * state folder. Only integration tests use it.
 */
final class RealCli {

    static final TestServices SERVICES = TestServices.get();

    private final Path state;

    RealCli(Path state) {
        this.state = state;
    }

    CliRun.Result run(String... args) {
        return new CliRun()
                .env("IMMUTABLE_STATE", state.toString())
                .env("DOCKER_HOST", SERVICES.dockerHost())
                .env("HOSTNAME", "cli-it")
                .engines(ReleaseEngines::open)
                .run(args);
    }

    /** Removes the containers an environment's colours left on the daemon: tests share the daemon with each other. */
    static void removeContainers(String prefix) throws IOException, InterruptedException {
        Map<String, String> left = Containers.named(SERVICES.dockerHost(), prefix);
        if (!left.isEmpty()) {
            List<String> command = new java.util.ArrayList<>(List.of("docker", "-H", SERVICES.dockerHost(), "rm", "-f"));
            command.addAll(left.keySet());
            Processes.run(command, Path.of("").toAbsolutePath(), Map.of());
        }
    }

    /** A short random environment name, so test runs sharing the daemon never share container names. */
    static String uniqueEnv(String prefix) {
        // A UUID's first hex digits are random; the leading bits of a double's encoding are mostly its exponent.
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
