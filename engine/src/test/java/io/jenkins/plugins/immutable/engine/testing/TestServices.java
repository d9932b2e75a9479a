package io.jenkins.plugins.immutable.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the real components started by {@code scripts/services} are. Read from the environment that
 * {@code scripts/test} exports, or from the {@code .run/services.env} file {@code scripts/services start}
 * writes, so a test run from an IDE finds them too. A missing service is a failure, never a skip.
 */
public final class TestServices {

    private static TestServices instance;

    private final Map<String, String> values;

    private TestServices(Map<String, String> values) {
        this.values = values;
    }

    public static synchronized TestServices get() {
        if (instance == null) {
            instance = new TestServices(load());
        }
        return instance;
    }

    /** {@code unix:///…/docker.sock} of the test daemon. */
    public String dockerHost() {
        return require("DOCKER_HOST");
    }

    /** {@code 127.0.0.1:PORT} of the test registry. */
    public String registry() {
        return require("IMMUTABLE_REGISTRY");
    }

    public Path haproxyBinary() {
        return Path.of(require("IMMUTABLE_HAPROXY_BIN"));
    }

    public Path registryBinary() {
        return Path.of(require("IMMUTABLE_REGISTRY_BIN"));
    }

    /** A statically linked busybox that runs in a {@code FROM scratch} image. */
    public Path busybox() {
        return Path.of(require("IMMUTABLE_BUSYBOX"));
    }

    private String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: the integration tests need the real Docker daemon "
                    + "and registry. Start them with 'scripts/services start' or run the tests with 'scripts/test'.");
        }
        return value;
    }

    private static Map<String, String> load() {
        Map<String, String> found = new HashMap<>();
        Path envFile = projectRoot().resolve(".run/services.env");
        if (Files.isRegularFile(envFile)) {
            found.putAll(parseExports(envFile));
        }
        for (String name : new String[] {"DOCKER_HOST", "IMMUTABLE_REGISTRY", "IMMUTABLE_HAPROXY_BIN",
                "IMMUTABLE_REGISTRY_BIN", "IMMUTABLE_BUSYBOX"}) {
            String fromEnv = System.getenv(name);
            if (fromEnv != null && !fromEnv.isBlank()) {
                found.put(name, fromEnv);
            }
        }
        return found;
    }

    static Path projectRoot() {
        String root = System.getenv("IMMUTABLE_PROJECT_ROOT");
        if (root != null && !root.isBlank()) {
            return Path.of(root);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("scripts"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    private static Map<String, String> parseExports(Path file) {
        Map<String, String> parsed = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("export ") && trimmed.contains("=")) {
                    String assignment = trimmed.substring("export ".length());
                    int eq = assignment.indexOf('=');
                    parsed.put(assignment.substring(0, eq), assignment.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parsed;
    }
}
