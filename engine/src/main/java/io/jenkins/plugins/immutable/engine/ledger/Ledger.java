package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's memory on disk: a state folder holding the journal of releases, deployments and intents, each
 * environment's state, the environment locks and the provenance statements. Any number of {@code Ledger}s, in any
 * number of threads and processes, may use one folder at once.
 *
 * <p>Opening reads and creates nothing; the first write creates the folder. Every query first reads what other
 * writers appended since the last one, so it sees every record appended before it was called.
 */
public final class Ledger {

    /** The CLI's default state folder. */
    public static final String DEFAULT_FOLDER = ".immutable";

    private final StateFolder folder;
    private final Journal journal;
    private final JournalIndex index;
    private final StateStore states;
    private final EnvironmentLocks locks;
    private final ProvenanceStore provenance;

    private Ledger(Path stateDir, Clock clock) {
        this.folder = new StateFolder(stateDir);
        this.journal = new Journal(folder, clock);
        this.index = new JournalIndex(journal);
        this.states = new StateStore(folder);
        this.locks = new EnvironmentLocks(folder, clock);
        this.provenance = new ProvenanceStore(folder);
    }

    /** A ledger in {@code stateDir}, which need not exist yet. */
    public static Ledger open(Path stateDir) {
        return open(stateDir, Clock.systemUTC());
    }

    /** A ledger whose lock times and side-file names come from {@code clock}; records carry their own times. */
    public static Ledger open(Path stateDir, Clock clock) {
        return new Ledger(stateDir, clock);
    }

    /** The state folder, absolute. */
    public Path stateDir() {
        return folder.root();
    }

    // ---- recording -------------------------------------------------------------------------------------------

    /**
     * Appends a release; recording the same release id again updates it in place.
     *
     * @return a note for the user when an interrupted earlier write was set aside first
     */
    public Optional<String> recordRelease(Release release) throws ReleaseException {
        return journal.append(release);
    }

    /** Appends a step of an environment's history. See {@link #recordRelease} for the note. */
    public Optional<String> recordDeployment(DeploymentRecord deployment) throws ReleaseException {
        FileNames.environment(deployment.environment());
        return journal.append(deployment);
    }

    /** Appends an intent; write one before each step that changes the world. See {@link #recordRelease} for the note. */
    public Optional<String> recordIntent(Intent intent) throws ReleaseException {
        FileNames.environment(intent.environment());
        return journal.append(intent);
    }

    // ---- queries ---------------------------------------------------------------------------------------------

    /** Every release, in the order first recorded. */
    public synchronized List<Release> releases() throws ReleaseException {
        index.refresh();
        return List.copyOf(index.releases());
    }

    public synchronized Optional<Release> release(String id) throws ReleaseException {
        index.refresh();
        return Optional.ofNullable(index.release(id));
    }

    /** The release of an image digest. */
    public synchronized Optional<Release> releaseByDigest(Digest imageDigest) throws ReleaseException {
        index.refresh();
        List<Release> all = index.releases();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).digest().equals(imageDigest)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** The releases built from these inputs, newest first: the candidates for reuse. */
    public synchronized List<Release> releasesByInputDigest(Digest inputDigest) throws ReleaseException {
        index.refresh();
        List<Release> all = index.releases();
        List<Release> found = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (inputDigest.equals(all.get(i).inputDigest())) {
                found.add(all.get(i));
            }
        }
        return found;
    }

    /** An environment's deployment history, newest first (journal order, not clock order). */
    public synchronized List<DeploymentRecord> history(String environment) throws ReleaseException {
        index.refresh();
        List<DeploymentRecord> history = new ArrayList<>(index.history(environment));
        Collections.reverse(history);
        return history;
    }

    /** The environment's latest intent; not {@link Intent#finished()} means an operation was interrupted. */
    public synchronized Optional<Intent> latestIntent(String environment) throws ReleaseException {
        index.refresh();
        return Optional.ofNullable(index.latestIntents().get(environment));
    }

    /** The latest intent of every environment that has one. */
    public synchronized Map<String, Intent> latestIntents() throws ReleaseException {
        index.refresh();
        return Collections.unmodifiableMap(new LinkedHashMap<>(index.latestIntents()));
    }

    /** Counts and the torn last line, if any, as of now. */
    public synchronized JournalStatus journalStatus() throws ReleaseException {
        index.refresh();
        return index.status();
    }

    // ---- environment state, locks, provenance ---------------------------------------------------------------

    /** The environments that have a state here, sorted by name. */
    public List<String> environments() throws ReleaseException {
        return states.environments();
    }

    /** The environment's state, or empty before its first write. */
    public <T> Optional<T> readState(String environment, Class<T> type) throws ReleaseException {
        return states.read(environment, type);
    }

    /** Replaces the environment's state atomically: a crash leaves the old state or the new, never a mix. */
    public <T> void writeState(String environment, T state) throws ReleaseException {
        states.write(environment, state);
    }

    /** The file {@link #writeState} writes, for messages. */
    public Path stateFile(String environment) throws ReleaseException {
        return states.file(environment);
    }

    /**
     * Takes the environment's lock for an operation, without waiting.
     *
     * @throws ReleaseException {@code FAILED_SAFELY} naming the holder when another thread or process has it
     */
    public EnvironmentLock acquire(String environment, String operation) throws ReleaseException {
        return locks.acquire(environment, operation);
    }

    /** Stores a release's provenance statement atomically. */
    public Path writeProvenance(String releaseId, String statementJson) throws ReleaseException {
        return provenance.write(releaseId, statementJson);
    }

    /** A release's provenance statement as written, or empty. */
    public Optional<String> readProvenance(String releaseId) throws ReleaseException {
        return provenance.read(releaseId);
    }

    /** Where a release's provenance statement is (or would be) kept. */
    public Path provenanceFile(String releaseId) throws ReleaseException {
        return provenance.file(releaseId);
    }
}
