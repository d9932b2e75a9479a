package io.jenkins.plugins.immutable.engine.docker;

import java.util.Map;

/**
 * A container as the daemon reports it.
 *
 * @param id       the container id
 * @param name     its name without the leading slash
 * @param running  whether it runs now
 * @param exitCode its exit code when it has stopped
 * @param hostPort the loopback port its container port is published on, or 0
 * @param image    the image reference it was created from
 * @param labels   its labels
 * @param restartPolicy its restart policy's name ({@code no}, {@code unless-stopped}, …): the engine sets
 *                 {@code unless-stopped} only once a colour passed its health gate
 */
public record ContainerInfo(String id, String name, boolean running, int exitCode, int hostPort, String image,
        Map<String, String> labels, String restartPolicy) {

    /** Whether the engine let the daemon keep it running, which it does only after the health gate passed. */
    public boolean passedHealthGate() {
        return "unless-stopped".equals(restartPolicy) || "always".equals(restartPolicy);
    }

    public ContainerInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
