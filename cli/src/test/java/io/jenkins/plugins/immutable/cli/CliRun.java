package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Runs the command in-process, as picocli's {@code execute} does for {@code main}, with captured streams. */
final class CliRun {

    private final Map<String, String> env = new HashMap<>();
    private Function<EngineConfig, ReleaseEngine> engines = config -> {
        throw new AssertionError("the engine was opened, but this command should have failed before needing it");
    };

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun engine(FakeEngine engine) {
        this.engines = config -> engine.open(config);
        return this;
    }

    CliRun engines(Function<EngineConfig, ReleaseEngine> factory) {
        this.engines = factory;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, engines);
        int code = Cli.run(context, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What one run left: its exit code and both streams. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
