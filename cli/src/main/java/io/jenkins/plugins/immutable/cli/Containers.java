package io.jenkins.plugins.immutable.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The containers the daemon runs for the demo's environment, by name and id, read with the {@code docker} command
 * (Debian's docker.io, which scripts/services installs): the proof that a rollback started none.
 */
final class Containers {

    private Containers() {
    }

    /** Runs a command in a container with {@code docker exec}, as someone changing it behind the engine's back would. */
    static Processes.Result exec(String dockerHost, String container, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of("docker", "-H", dockerHost, "exec", container));
        line.addAll(List.of(command));
        return Processes.run(line, Path.of("").toAbsolutePath(), Map.of());
    }

    /** Name to full id of every container whose name starts with {@code prefix}. */
    static Map<String, String> named(String dockerHost, String prefix) throws IOException, InterruptedException {
        Processes.Result listed = Processes.run(List.of("docker", "-H", dockerHost, "ps", "-a", "--no-trunc",
                "--format", "{{.Names}} {{.ID}}"), Path.of("").toAbsolutePath(), Map.of());
        if (listed.exitCode() != 0) {
            throw new IOException("docker ps against " + dockerHost + " failed: " + listed.output().strip());
        }
        Map<String, String> found = new TreeMap<>();
        for (String line : listed.output().split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2 && parts[0].startsWith(prefix)) {
                found.put(parts[0], parts[1]);
            }
        }
        return found;
    }
}
