package io.jenkins.plugins.immutable.engine.drift;

import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftFinding.Kind;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerDetails;
import io.jenkins.plugins.immutable.engine.docker.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Kind#IMAGE}: each of the engine's containers must have been created from the reference its labels record
 * ({@code repo@sha256:…}) and run the image the daemon holds for it.
 */
final class ImageCheck implements Check {

    @Override
    public List<DriftFinding> check(Target target) throws ReleaseException {
        List<DriftFinding> findings = new ArrayList<>();
        for (Target.Known known : target.known()) {
            ContainerDetails container = known.container();
            String ref = known.labels().ref().toString();
            Optional<ImageConfig> image = target.docker().imageConfig(ref);
            if (!ref.equals(container.configImage())) {
                findings.add(new DriftFinding(Kind.IMAGE, known.colour(), container.name(), "created from another image",
                        ref, container.configImage()));
            } else if (image.isEmpty()) {
                findings.add(new DriftFinding(Kind.IMAGE, known.colour(), container.name(),
                        "the daemon holds no image for its recorded reference", ref + " on " + target.docker().host(),
                        "runs image " + container.imageId()));
            } else if (!image.get().id().equals(container.imageId())) {
                findings.add(new DriftFinding(Kind.IMAGE, known.colour(), container.name(), "runs another image than its digest",
                        "image " + image.get().id() + " (" + ref + ")", "image " + container.imageId()));
            }
        }
        return findings;
    }
}
