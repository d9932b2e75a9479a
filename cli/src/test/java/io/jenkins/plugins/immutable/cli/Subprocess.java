package io.jenkins.plugins.immutable.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/immutable} as a person would, in its own process. */
final class Subprocess {

    private Subprocess() {
    }

    static Path projectRoot() {
        String root = System.getenv("IMMUTABLE_PROJECT_ROOT");
        Path dir = root == null || root.isBlank() ? Path.of("").toAbsolutePath() : Path.of(root);
        while (dir != null && !Files.isRegularFile(dir.resolve("bin/immutable"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find bin/immutable above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static CliRun.Result run(Path workDir, Map<String, String> env, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(projectRoot().resolve("bin/immutable").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("immutable-out", ".txt");
        Path err = Files.createTempFile("immutable-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("bin/immutable " + String.join(" ", args) + " did not finish within " + timeout
                        + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
            }
            return new CliRun.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
