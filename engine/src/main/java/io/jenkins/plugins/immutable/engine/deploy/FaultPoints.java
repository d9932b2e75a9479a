package io.jenkins.plugins.immutable.engine.deploy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Named moments between the steps of an operation, where a fault test can stop the process: with
 * {@code IMMUTABLE_PAUSE_AT=<name>[,<name>…]} in its environment, the process prints {@code IMMUTABLE_PAUSED_AT <name>}
 * on stderr when it reaches one and waits there to be killed ({@code kill -9}) — or, when {@code IMMUTABLE_RESUME_FILE}
 * names a file, until that file exists, so a test can change the world (kill a container) and let the operation go on.
 * Without those variables nothing happens.
 */
public final class FaultPoints {

    /** The environment variable naming the points to pause at. */
    public static final String VARIABLE = "IMMUTABLE_PAUSE_AT";
    /** What a paused process prints on stderr, followed by the point's name. */
    public static final String MARKER = "IMMUTABLE_PAUSED_AT ";
    /** The environment variable naming the file whose creation resumes a paused process. */
    public static final String RESUME_VARIABLE = "IMMUTABLE_RESUME_FILE";

    private static final Set<String> PAUSE_AT = parse(System.getenv(VARIABLE));

    private FaultPoints() {
    }

    static void reach(String point) {
        if (!PAUSE_AT.contains(point)) {
            return;
        }
        System.err.println(MARKER + point);
        System.err.flush();
        String resume = System.getenv(RESUME_VARIABLE);
        while (resume == null || !java.nio.file.Files.exists(java.nio.file.Path.of(resume))) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Set<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
