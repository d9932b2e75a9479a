package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The journal's records in memory, brought up to date before each query by reading only what was appended since
 * (the journal is append-only, and a torn tail is cut only beyond the last line read). A journal replaced or shortened
 * behind our back (restored from a backup, moved aside) is read again from the start. Not thread-safe: the
 * {@link Ledger} serialises access.
 */
final class JournalIndex {

    private final Journal journal;
    private final StringPool strings = new StringPool();

    private List<Release> releases = new ArrayList<>();
    private Map<String, Integer> releasePositions = new HashMap<>();
    private Map<String, List<DeploymentRecord>> histories = new HashMap<>();
    private Map<String, Intent> latestIntents = new LinkedHashMap<>();
    private Object fileKey;
    private long endOffset;
    private long lines;
    private long records;
    private long unknown;
    private TornTail torn;

    JournalIndex(Journal journal) {
        this.journal = journal;
    }

    /** Reads what was appended since the last refresh. */
    void refresh() throws ReleaseException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(journal.file(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            reset(null);
            return;
        } catch (IOException e) {
            throw new ReleaseException(ReleaseException.Kind.BAD_INPUT, "Tried to read the ledger journal " + journal.file()
                    + " but failed because " + JournalReader.reason(e) + ": check that the state folder is readable.", e);
        }
        Object key = attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        if (!Objects.equals(key, fileKey) || attributes.size() < endOffset) {
            reset(key);
        }
        if (attributes.size() == endOffset) {
            torn = null;
            return;
        }
        JournalReader.Outcome outcome;
        try {
            outcome = journal.read(endOffset, lines, this::add);
        } catch (ReleaseException first) {
            // A read racing an append that sets a torn tail aside can see the old fragment run into the new line.
            // Such a splice is gone on a second read; real damage is not. Either way no half-read index is kept.
            reset(key);
            try {
                outcome = journal.read(0, 0, this::add);
            } catch (ReleaseException second) {
                reset(null);
                throw second;
            }
        }
        endOffset = outcome.endOffset();
        lines = outcome.lines();
        records += outcome.records();
        unknown += outcome.unknown();
        torn = outcome.torn();
    }

    private void reset(Object key) {
        releases = new ArrayList<>();
        releasePositions = new HashMap<>();
        histories = new HashMap<>();
        latestIntents = new LinkedHashMap<>();
        fileKey = key;
        endOffset = 0;
        lines = 0;
        records = 0;
        unknown = 0;
        torn = null;
    }

    private void add(Object record) {
        if (record instanceof Release release) {
            addRelease(strings.release(release));
        } else if (record instanceof DeploymentRecord deployment) {
            histories.computeIfAbsent(deployment.environment(), e -> new ArrayList<>()).add(deployment);
        } else if (record instanceof Intent intent) {
            // Re-inserted so that iteration order is the order of each environment's latest intent.
            latestIntents.remove(intent.environment());
            latestIntents.put(intent.environment(), intent);
        }
    }

    /** The same image is the same release: a release recorded again (say, with its inputs now known) is updated in place. */
    private void addRelease(Release release) {
        Integer at = releasePositions.get(release.id());
        if (at == null) {
            releasePositions.put(release.id(), releases.size());
            releases.add(release);
        } else {
            releases.set(at, release);
        }
    }

    List<Release> releases() {
        return releases;
    }

    Release release(String id) {
        Integer at = releasePositions.get(id);
        return at == null ? null : releases.get(at);
    }

    List<DeploymentRecord> history(String environment) {
        return histories.getOrDefault(environment, List.of());
    }

    Map<String, Intent> latestIntents() {
        return latestIntents;
    }

    JournalStatus status() {
        return new JournalStatus(records, unknown, java.util.Optional.ofNullable(torn));
    }
}
