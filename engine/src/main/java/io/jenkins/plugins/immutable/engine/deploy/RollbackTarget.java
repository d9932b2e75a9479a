package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import java.util.Optional;

/**
 * What a rollback puts back: the previous release by default, or the one named by id or digest — found among the
 * ledger's releases or, failing that, in the environment's own history (which holds the ref of everything that ever
 * ran there, even when another machine built it).
 */
record RollbackTarget(Release release, Slot warmSlot) {

    static RollbackTarget resolve(Session s, RollbackRequest request) throws ReleaseException {
        if (request.toReleaseId() == null && request.toDigest() == null) {
            Slot previous = s.state().previous().orElseThrow(() -> new InvalidInputException("environment",
                    "'" + s.name() + "' has no previous release to roll back to: name one with a release id or digest"));
            return new RollbackTarget(releaseOf(s, previous.releaseId(), previous.ref().digest()).orElse(fromSlot(s, previous)),
                    previous);
        }
        Optional<Release> release = releaseOf(s, request.toReleaseId(), request.toDigest());
        if (release.isEmpty()) {
            String field = request.toReleaseId() != null ? "toRelease" : "toDigest";
            String wanted = request.toReleaseId() != null ? request.toReleaseId() : request.toDigest().value();
            throw new InvalidInputException(field, "no release '" + wanted + "' is recorded in " + s.ledger().stateDir()
                    + " or in the history of '" + s.name() + "': expected one listed by 'immutable releases'");
        }
        Slot previous = s.state().previous().filter(p -> p.releaseId().equals(release.get().id())).orElse(null);
        return new RollbackTarget(release.get(), previous);
    }

    private static Optional<Release> releaseOf(Session s, String id, Digest digest) throws ReleaseException {
        Optional<Release> recorded = id != null ? s.ledger().release(id) : s.ledger().releaseByDigest(digest);
        if (recorded.isPresent()) {
            return recorded;
        }
        for (DeploymentRecord step : s.ledger().history(s.name())) {
            if (id != null ? step.releaseId().equals(id) : step.ref().digest().equals(digest)) {
                return Optional.of(new Release(step.releaseId(), s.settings().app(), step.ref(), null, null, null, step.at(),
                        "history of " + s.name()));
            }
        }
        return Optional.empty();
    }

    private static Release fromSlot(Session s, Slot slot) {
        return new Release(slot.releaseId(), s.settings().app(), slot.ref(), null, null, null, slot.since(), "history of " + s.name());
    }
}
