package io.jenkins.plugins.immutable.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker daemon and registry the repository's {@code scripts/services} runs on loopback: started (or found
 * running) the same way the tests do, and described by the {@code export} lines of {@code scripts/services env}.
 */
final class LocalServices {

    private static final Pattern EXPORT = Pattern.compile("export ([A-Z_][A-Z0-9_]*)=(.*)");

    private final Map<String, String> values;

    private LocalServices(Map<String, String> values) {
        this.values = values;
    }

    /** Runs {@code scripts/services start} (its progress goes to {@code log}) and reads {@code scripts/services env}. */
    static LocalServices ensure(Path root, Map<String, String> env, PrintStream log) throws IOException, InterruptedException {
        Path script = root.resolve("scripts/services");
        Processes.Result start = Processes.run(List.of(script.toString(), "start"), root, env, line -> log.println("  " + line));
        if (start.exitCode() != 0) {
            throw new IOException("scripts/services start failed with exit " + start.exitCode()
                    + "; its output is above. Run it by hand to see more: " + script + " start");
        }
        Processes.Result printed = Processes.run(List.of(script.toString(), "env"), root, env);
        if (printed.exitCode() != 0) {
            throw new IOException("scripts/services env failed with exit " + printed.exitCode() + ": " + printed.output().strip());
        }
        return new LocalServices(parse(printed.output()));
    }

    static Map<String, String> parse(String exports) {
        Map<String, String> parsed = new HashMap<>();
        for (String line : exports.split("\n")) {
            Matcher m = EXPORT.matcher(line.strip());
            if (m.matches()) {
                parsed.put(m.group(1), m.group(2));
            }
        }
        return parsed;
    }

    String require(String name) throws IOException {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IOException("scripts/services env printed no " + name + ": the demo cannot go on without it");
        }
        return value;
    }

    String dockerHost() throws IOException {
        return require("DOCKER_HOST");
    }

    String registry() throws IOException {
        return require("IMMUTABLE_REGISTRY");
    }

    Path haproxyBinary() throws IOException {
        return Path.of(require("IMMUTABLE_HAPROXY_BIN"));
    }

    Path busybox() {
        return Path.of(values.getOrDefault("IMMUTABLE_BUSYBOX", "/bin/busybox"));
    }

    /** The services' runtime folder: short, so a unix socket path in it stays within HAProxy's limit. */
    Path runDir() throws IOException {
        return Path.of(require("IMMUTABLE_RUN_DIR"));
    }

    /** What the demo passes on to its children (the {@code docker} command): the daemon to talk to. */
    Map<String, String> asEnvironment() {
        return Map.copyOf(values);
    }
}
