package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.ReleaseEngines;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * What one run of the command talks to. {@code main} uses the process's streams, environment and the real engine;
 * tests pass captured streams and their own environment so nothing leaks from the machine they run on.
 *
 * @param out     results (text or the one JSON document)
 * @param err     errors, and in JSON mode the engine's events
 * @param env     the environment variables the command reads ({@code IMMUTABLE_STATE}, {@code DOCKER_HOST}, …)
 * @param engines opens an engine for a configuration
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Function<EngineConfig, ReleaseEngine> engines) {

    public CliContext {
        env = Map.copyOf(env);
    }

    public static CliContext system() {
        return new CliContext(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), System.getenv(), ReleaseEngines::open);
    }

    /** An environment variable, or {@code null} when unset or blank. */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
