package io.jenkins.plugins.immutable.engine.docker;

import java.nio.file.Path;
import java.util.Map;

/**
 * A build for the daemon: the context as a tar file already filtered by {@code .dockerignore}, and the Dockerfile's
 * path inside it. {@code noCache} makes every step run again (a requested rebuild).
 */
public record BuildSpec(Path contextTar, String dockerfilePath, Map<String, String> buildArgs, Map<String, String> labels,
        String target, String tag, boolean noCache) {

    public BuildSpec {
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
    }

    /** Names the build arguments without their values: some are secrets, and a record's {@code toString} shows all. */
    @Override
    public String toString() {
        return "BuildSpec[contextTar=" + contextTar + ", dockerfilePath=" + dockerfilePath + ", buildArgs="
                + new java.util.TreeSet<>(buildArgs.keySet()) + " (values hidden), labels=" + labels + ", target=" + target
                + ", tag=" + tag + ", noCache=" + noCache + "]";
    }
}
