package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.ImageRef;
import java.util.Map;

/**
 * A container to run: from an image by digest, with a name, labels, and one container port published on a
 * loopback port the daemon chooses.
 */
public record ContainerSpec(String name, ImageRef image, int containerPort, Map<String, String> labels) {

    public ContainerSpec {
        labels = Map.copyOf(labels);
    }
}
