package io.jenkins.plugins.immutable.engine.drift;

import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftFinding.Kind;
import io.jenkins.plugins.immutable.engine.docker.ContainerDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Kind#UNKNOWN_CONTAINER}: a container with the environment's label or one of its colour names that the engine
 * did not start (see {@link Target} for how each is told apart).
 */
final class UnknownContainerCheck implements Check {

    @Override
    public List<DriftFinding> check(Target target) {
        List<DriftFinding> findings = new ArrayList<>();
        for (Target.Unknown unknown : target.unknown()) {
            ContainerDetails c = unknown.container();
            findings.add(new DriftFinding(Kind.UNKNOWN_CONTAINER, null, c.name(), "not started by the engine: " + unknown.why(),
                    "only " + Target.containerName(target.settings(), target.environment(), io.jenkins.plugins.immutable.engine.api.Colour.BLUE)
                            .replaceFirst("blue$", "blue|green") + " with the engine's labels",
                    c.state() + ", image " + c.configImage() + (c.hostPorts().isEmpty() ? "" : ", ports " + c.hostPorts())));
        }
        return findings;
    }
}
