package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.Release;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares the strings that repeat across thousands of releases (application, source uri), so a ledger of 100,000
 * releases holds each once instead of 100,000 copies; repositories are shared as they are read ({@link LedgerJson}).
 * Builder ids are left alone: in Jenkins each is a build URL, unique per release, and pooling them would only cost.
 */
final class StringPool {

    private final Map<String, String> strings = new HashMap<>();

    String of(String s) {
        return s == null ? null : strings.computeIfAbsent(s, k -> k);
    }

    Release release(Release r) {
        // The repository is already shared by LedgerJson's reader of image references.
        return new Release(r.id(), of(r.app()), r.ref(), r.inputDigest(), of(r.sourceUri()), r.sourceRevision(), r.created(),
                r.builderId());
    }
}
