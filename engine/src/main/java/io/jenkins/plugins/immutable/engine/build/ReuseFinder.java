package io.jenkins.plugins.immutable.engine.build;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildRequest.PriorRelease;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.Notice;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import io.jenkins.plugins.immutable.engine.registry.RegistryClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an earlier release of the same inputs into the same repository whose image the registry still serves: the
 * ledger's releases first (newest first), then those the caller knows of (in Jenkins, earlier builds of the job).
 */
final class ReuseFinder {

    private final Ledger ledger;
    private final RegistryClient registry;
    private final EventHandler events;

    ReuseFinder(Ledger ledger, RegistryClient registry, EventHandler events) {
        this.ledger = ledger;
        this.registry = registry;
        this.events = events;
    }

    /** A release to reuse and its provenance as recorded when it was built. */
    record Found(Release release, String provenanceJson) {
    }

    Optional<Found> find(BuildRequest request, Digest inputDigest, RegistryCredentials credentials) throws ReleaseException {
        for (Found candidate : candidates(request, inputDigest)) {
            if (candidate.provenanceJson() == null) {
                events.on(new Notice("Release " + candidate.release().id() + " has the same inputs but its provenance is missing"
                        + " from the state folder: building anew."));
            } else if (registry.serves(candidate.release().ref(), credentials)) {
                return Optional.of(candidate);
            } else {
                events.on(new Notice("Release " + candidate.release().id() + " has the same inputs, but the registry "
                        + candidate.release().ref().registry() + " no longer serves " + candidate.release().digest()
                        + ": building anew."));
            }
        }
        return Optional.empty();
    }

    private List<Found> candidates(BuildRequest request, Digest inputDigest) throws ReleaseException {
        // Keyed by image digest: the same image known to both the ledger and the caller is checked once.
        Map<String, Found> found = new LinkedHashMap<>();
        for (Release release : ledger.releasesByInputDigest(inputDigest)) {
            if (release.ref().repository().equals(request.image().repository())) {
                found.putIfAbsent(release.digest().value(), new Found(release, ledger.readProvenance(release.id()).orElse(null)));
            }
        }
        for (PriorRelease prior : request.priorReleases()) {
            Release release = prior.release();
            if (inputDigest.equals(release.inputDigest()) && release.ref().repository().equals(request.image().repository())) {
                found.merge(release.digest().value(), new Found(release, prior.provenanceJson()),
                        (known, offered) -> known.provenanceJson() != null ? known : offered);
            }
        }
        return new ArrayList<>(found.values());
    }
}
