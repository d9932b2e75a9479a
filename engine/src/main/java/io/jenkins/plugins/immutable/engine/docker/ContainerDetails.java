package io.jenkins.plugins.immutable.engine.docker;

import java.util.List;
import java.util.Map;

/**
 * What a container was created with and how it runs, for comparing it with what the engine starts.
 *
 * @param id            the container id
 * @param name          its name without the leading slash
 * @param state         the daemon's state word: {@code created}, {@code running}, {@code exited}, …
 * @param imageId       the id ({@code sha256:…}) of the image it runs
 * @param configImage   the image reference it was created from ({@code Config.Image})
 * @param env           its environment, {@code K=V}, as the daemon reports it (the image's, plus any given at create)
 * @param cmd           its command, or empty
 * @param entrypoint    its entrypoint, or empty
 * @param published     the ports it publishes now: {@code 8080/tcp} to {@code 127.0.0.1:32768}, …
 * @param restartPolicy its restart policy's name, {@code no} when none
 * @param readOnlyRoot  whether its root filesystem is read-only
 * @param tmpfs         the paths mounted as tmpfs
 * @param labels        its labels
 */
public record ContainerDetails(String id, String name, String state, String imageId, String configImage, List<String> env,
        List<String> cmd, List<String> entrypoint, Map<String, List<String>> published, String restartPolicy,
        boolean readOnlyRoot, List<String> tmpfs, Map<String, String> labels) {

    public ContainerDetails {
        env = env == null ? List.of() : List.copyOf(env);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        published = published == null ? Map.of() : Map.copyOf(published);
        tmpfs = tmpfs == null ? List.of() : List.copyOf(tmpfs);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** The loopback host ports it publishes, for asking whether the router sends it traffic. */
    public List<Integer> hostPorts() {
        return published.values().stream().flatMap(List::stream).map(b -> b.substring(b.lastIndexOf(':') + 1))
                .filter(p -> p.matches("\\d+")).map(Integer::valueOf).toList();
    }
}
