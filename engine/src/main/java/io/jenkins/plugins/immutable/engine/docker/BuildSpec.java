package io.jenkins.plugins.immutable.engine.docker;

import java.util.Map;

/**
 * A build for the daemon: the context, written as a tar already filtered by {@code .dockerignore} while the daemon
 * reads it, and the Dockerfile's path inside it. {@code noCache} makes every step run again (a requested rebuild).
 */
public record BuildSpec(ContextSource context, String dockerfilePath, Map<String, String> buildArgs, Map<String, String> labels,
        String target, String tag, boolean noCache) {

    public BuildSpec {
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
    }

    /** Names the build arguments without their values: some are secrets, and a record's {@code toString} shows all. */
    @Override
    public String toString() {
        return "BuildSpec[dockerfilePath=" + dockerfilePath + ", buildArgs="
                + new java.util.TreeSet<>(buildArgs.keySet()) + " (values hidden), labels=" + labels + ", target=" + target
                + ", tag=" + tag + ", noCache=" + noCache + "]";
    }
}
