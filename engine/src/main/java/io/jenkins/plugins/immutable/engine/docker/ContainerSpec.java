package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.ImageRef;
import java.util.List;
import java.util.Map;

/**
 * A container to run: from an image by digest, with a name, labels, and one container port published on a
 * loopback port the daemon chooses.
 *
 * @param readOnly      a read-only root filesystem
 * @param writablePaths a tmpfs at each of these paths when {@code readOnly}
 */
public record ContainerSpec(String name, ImageRef image, int containerPort, Map<String, String> labels, boolean readOnly,
        List<String> writablePaths) {

    public ContainerSpec {
        labels = Map.copyOf(labels);
        writablePaths = List.copyOf(writablePaths);
    }
}
