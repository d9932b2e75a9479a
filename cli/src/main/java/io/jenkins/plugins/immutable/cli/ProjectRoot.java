package io.jenkins.plugins.immutable.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The repository the demo runs in: it needs {@code scripts/services} and {@code examples/hello}. The launcher sets
 * {@code IMMUTABLE_HOME}; without it, the folders above the running jar ({@code cli/target/…-all.jar}) and then
 * above the working folder are searched.
 */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path find(Map<String, String> env) {
        String home = env.get("IMMUTABLE_HOME");
        if (home != null && !home.isBlank()) {
            Path dir = Path.of(home).toAbsolutePath().normalize();
            if (isRoot(dir)) {
                return dir;
            }
            throw new IllegalStateException("IMMUTABLE_HOME=" + home + " is not the repository: expected scripts/services "
                    + "and examples/hello in it");
        }
        Path found = above(jarLocation());
        if (found == null) {
            found = above(Path.of("").toAbsolutePath());
        }
        if (found == null) {
            throw new IllegalStateException("cannot find the repository (scripts/services and examples/hello): run the demo "
                    + "as bin/immutable demo from a clone, or set IMMUTABLE_HOME to the clone");
        }
        return found;
    }

    private static Path above(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        return null;
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("scripts/services")) && Files.isDirectory(dir.resolve("examples/hello"));
    }

    private static Path jarLocation() {
        try {
            return Path.of(ProjectRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
