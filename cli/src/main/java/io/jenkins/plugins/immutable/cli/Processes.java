package io.jenkins.plugins.immutable.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs a helper program to its end and keeps its output (stdout and stderr together, in order). */
final class Processes {

    private Processes() {
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        return run(command, dir, env, line -> { });
    }

    /** Also hands each line to {@code lines} as it comes: an install on a fresh machine takes a while to watch. */
    static Result run(List<String> command, Path dir, Map<String, String> env, Consumer<String> lines)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                lines.accept(line);
            }
        }
        return new Result(process.waitFor(), output.toString());
    }
}
