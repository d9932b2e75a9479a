package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.api.StoredRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine's memory: releases, each environment's deployment history, intents, environment states (a cache of
 * what the target holds) and provenance statements, in a database: {@code ledger.db} (SQLite) in a state folder by
 * default, or a shared PostgreSQL database. Any number of {@code Ledger}s, in any number of threads and processes,
 * may use one ledger at once; every query sees every record committed before it was called.
 *
 * <p>Opening connects to nothing; a state folder is created by the first write, never by a read. The first open of
 * a folder written by the journal that came before imports it ({@link JournalImport}) and says so.
 */
public final class Ledger implements AutoCloseable {

    /** The CLI's default state folder. */
    public static final String DEFAULT_FOLDER = ".immutable";

    private final LedgerLocation location;
    private final StateFolder folder;
    private final Database db;
    private final Consumer<String> notices;
    private final EnvironmentLocks fileLocks;
    private final DatabaseLeases leases;
    private boolean ready;
    /** What {@link #openInBackground} met, thrown by the next use, which would have met it too. */
    private ReleaseException earlyFailure;
    /** A journal import's notice from {@link #openInBackground}, given on the caller's thread by the next use. */
    private String earlyNotice;
    private boolean closed;

    private Ledger(LedgerLocation location, Clock clock, Map<String, String> env, Consumer<String> notices) {
        this.location = location;
        this.folder = location.folder().map(StateFolder::new).orElse(null);
        this.db = new Database(location, env);
        this.notices = notices;
        this.fileLocks = folder == null ? null : new EnvironmentLocks(folder, clock);
        this.leases = folder == null ? new DatabaseLeases(db, env, clock, this) : null;
    }

    /** A ledger in {@code stateDir}, which need not exist yet. */
    public static Ledger open(Path stateDir) {
        return open(stateDir, Clock.systemUTC());
    }

    /** A ledger whose lock times come from {@code clock}; records carry their own times. */
    public static Ledger open(Path stateDir, Clock clock) {
        return open(LedgerLocation.folder(stateDir), clock, System.getenv(), note -> { });
    }

    /**
     * A ledger at {@code location}; {@code env} supplies {@code PGPASSWORD}/{@code PGPASSFILE} for a database, and
     * {@code notices} receives what the user should know (a journal imported).
     */
    public static Ledger open(LedgerLocation location, Clock clock, Map<String, String> env, Consumer<String> notices) {
        return new Ledger(location, clock, env, notices);
    }

    /** The state folder, absolute; for a database, the folder given for files beside it (release files). */
    public Path stateDir() {
        return folder != null ? folder.root() : Path.of(DEFAULT_FOLDER).toAbsolutePath().normalize();
    }

    /** Where the ledger is, for messages (never with a password). */
    public LedgerLocation location() {
        return location;
    }

    // ---- opening -------------------------------------------------------------------------------------------------

    /**
     * The database, connected and up to date; {@code null} for a read of a folder with nothing in it yet, which must
     * create nothing.
     */
    private Database db(boolean forWrite) throws ReleaseException {
        closed = false;
        if (earlyFailure != null) {
            ReleaseException e = earlyFailure;
            earlyFailure = null;
            throw e;
        }
        if (earlyNotice != null) {
            notices.accept(earlyNotice);
            earlyNotice = null;
        }
        return connected(forWrite, notices);
    }

    private Database connected(boolean forWrite, Consumer<String> notices) throws ReleaseException {
        if (forWrite && folder != null) {
            // Proven once per ledger by creating a file: a folder can refuse new files yet let ledger.db be written.
            folder.ensureWritable();
        }
        if (ready && forWrite && db.readOnly()) {
            throw StateFolder.notWritable(folder.root(), new java.nio.file.FileSystemException(folder.root().toString(), null, "read-only"));
        }
        if (ready) {
            return db;
        }
        if (folder != null) {
            boolean exists = Files.exists(folder.file(LedgerLocation.SQLITE_FILE));
            boolean legacy = JournalImport.present(folder.root());
            if (!exists && !forWrite && !legacy) {
                return null;
            }
            if (!exists) {
                folder.ensureWritable(); // a read that must import first writes too
            }
        }
        db.connect(!forWrite);
        if (forWrite && db.readOnly()) {
            db.close();
            throw StateFolder.notWritable(folder.root(), new java.nio.file.FileSystemException(folder.root().toString(), null, "read-only"));
        }
        String[] imported = new String[1];
        Schema.migrate(db, c -> imported[0] = folder == null ? null : JournalImport.run(folder.root(), c));
        ready = true;
        if (imported[0] != null) {
            notices.accept(imported[0]);
        }
        return db;
    }

    /**
     * Connects to the database (and brings its schema up to date) on a thread of its own, so that a caller with other
     * work first, a build digesting its context, finds it ready: opening SQLite or PostgreSQL and checking the schema
     * is 40-80 ms of a short command. It does only what the next read would do (a folder with no ledger yet stays
     * empty); a failure is thrown by the next use, as that use would have thrown it, and a journal import's notice is
     * given then, on the caller's thread. Nothing happens after {@link #close()}.
     */
    public void openInBackground() {
        Thread opener = new Thread(this::openEarly, "immutable-ledger-open");
        opener.setDaemon(true);
        opener.start();
    }

    /** What {@link #openInBackground} runs; package-private so that tests can run it on the calling thread. */
    synchronized void openEarly() {
        if (ready || closed) {
            return;
        }
        try {
            if (connected(false, notice -> earlyNotice = notice) != null) {
                LedgerJson.warmUp(); // its mapper's set-up is the next use's first cost
            }
        } catch (ReleaseException e) {
            earlyFailure = e;
        } catch (RuntimeException e) {
            // not kept: the next use meets it again, with the caller's context
        }
    }

    private <T> T read(String doing, T nothing, Database.Work<T> work) throws ReleaseException {
        Database d = db(false);
        return d == null ? nothing : d.read(doing, work);
    }

    private void write(String doing, Database.Work<?> work) throws ReleaseException {
        db(true).write(doing, work);
    }

    // ---- recording -------------------------------------------------------------------------------------------

    /**
     * Records a release; recording the same release id again updates it in place.
     *
     * @return a note for the user, when there is one (kept for callers written for the journal; now always empty)
     */
    public synchronized Optional<String> recordRelease(Release release) throws ReleaseException {
        write("record release " + release.id() + " in", c -> {
            LedgerTables.putRelease(c, release);
            return null;
        });
        return Optional.empty();
    }

    /** Records many releases in one transaction (an import, a benchmark's ledger): all of them, or none. */
    public synchronized void recordReleases(Iterable<Release> releases) throws ReleaseException {
        write("record releases in", c -> {
            for (Release release : releases) {
                LedgerTables.putRelease(c, release);
            }
            return null;
        });
    }

    /** Records a step of an environment's history. See {@link #recordRelease} for the note. */
    public synchronized Optional<String> recordDeployment(DeploymentRecord deployment) throws ReleaseException {
        FileNames.environment(deployment.environment());
        write("record a deployment of " + deployment.environment() + " in", c -> {
            LedgerTables.addDeployment(c, deployment);
            return null;
        });
        return Optional.empty();
    }

    /** Records an intent; write one before each step that changes the world. See {@link #recordRelease} for the note. */
    public synchronized Optional<String> recordIntent(Intent intent) throws ReleaseException {
        FileNames.environment(intent.environment());
        write("record an intent for " + intent.environment() + " in", c -> {
            LedgerTables.addIntent(c, intent);
            return null;
        });
        return Optional.empty();
    }

    // ---- queries ---------------------------------------------------------------------------------------------

    /** Every release, in the order first recorded. */
    public synchronized List<Release> releases() throws ReleaseException {
        List<Release> all = new ArrayList<>();
        forEachRelease(all::add);
        return all;
    }

    /** Every release, in the order first recorded, one at a time: for output that need not hold them all. */
    public synchronized void forEachRelease(Consumer<Release> sink) throws ReleaseException {
        read("read the releases of", null, c -> {
            LedgerTables.eachRelease(c, sink::accept);
            return null;
        });
    }

    /** Every release, the newest {@code created} first, one at a time: what {@code releases} prints, streamed. */
    public synchronized void forEachReleaseNewestFirst(Consumer<Release> sink) throws ReleaseException {
        read("read the releases of", null, c -> {
            LedgerTables.eachReleaseNewestFirst(c, sink::accept);
            return null;
        });
    }

    /**
     * Every release, the newest {@code created} first, each as stored ({@link StoredRelease}, to be copied) or, when
     * its body cannot be copied as it is, read into its record: what {@code releases --output json} prints.
     */
    public synchronized void forEachStoredReleaseNewestFirst(StoredReleases sink) throws ReleaseException {
        read("read the releases of", null, c -> {
            LedgerTables.eachStoredReleaseNewestFirst(c, sink);
            return null;
        });
    }

    /** Receives the releases of {@link #forEachStoredReleaseNewestFirst}, one at a time. */
    public interface StoredReleases {
        /** A release as stored; valid during this call only. */
        void stored(StoredRelease release);

        /** A release whose body is not copied as it is, read into its record. */
        void bound(Release release);
    }

    public synchronized Optional<Release> release(String id) throws ReleaseException {
        return read("read release " + id + " from", Optional.empty(), c -> LedgerTables.release(c, id));
    }

    /** The release of an image digest. */
    public synchronized Optional<Release> releaseByDigest(Digest imageDigest) throws ReleaseException {
        return read("look up " + imageDigest + " in", Optional.empty(), c -> LedgerTables.releaseByDigest(c, imageDigest.toString()));
    }

    /** The releases built from these inputs, newest first: the candidates for reuse. */
    public synchronized List<Release> releasesByInputDigest(Digest inputDigest) throws ReleaseException {
        return read("look up inputs " + inputDigest + " in", List.of(),
                c -> LedgerTables.releasesByInputDigest(c, inputDigest.toString()));
    }

    /** An environment's deployment history, newest first (the order recorded, not clock order). */
    public synchronized List<DeploymentRecord> history(String environment) throws ReleaseException {
        return read("read the history of " + environment + " from", List.of(), c -> LedgerTables.history(c, environment));
    }

    /** The environment's latest intent; not {@link Intent#finished()} means an operation was interrupted. */
    public synchronized Optional<Intent> latestIntent(String environment) throws ReleaseException {
        return read("read the intents of " + environment + " from", Optional.empty(), c -> LedgerTables.latestIntent(c, environment));
    }

    /** The latest intent of every environment that has one. */
    public synchronized Map<String, Intent> latestIntents() throws ReleaseException {
        return Collections.unmodifiableMap(read("read the intents of", Map.of(), LedgerTables::latestIntents));
    }

    // ---- environment state, locks, provenance ---------------------------------------------------------------

    /** The environments that have a state here, sorted by name. */
    public synchronized List<String> environments() throws ReleaseException {
        return read("list the environments of", List.of(), LedgerTables::environments);
    }

    /** The environment's state, or empty before its first write. */
    public synchronized <T> Optional<T> readState(String environment, Class<T> type) throws ReleaseException {
        FileNames.environment(environment);
        Optional<String> json = read("read the state of " + environment + " from", Optional.empty(),
                c -> LedgerTables.state(c, environment));
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            T state = LedgerJson.MAPPER.readValue(json.get(), type);
            if (state == null) {
                throw new IOException("it holds no state");
            }
            return Optional.of(state);
        } catch (IOException | RuntimeException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "The state of environment '" + environment + "' in " + location
                    + " is not readable (" + StateFolder.reason(e) + "); it was edited or damaged outside this tool. Restore"
                    + " the ledger from a backup, or deploy again to rebuild it (the history is kept apart).", e);
        }
    }

    /** Replaces the environment's state in one transaction: a crash leaves the old state or the new, never a mix. */
    public synchronized <T> void writeState(String environment, T state) throws ReleaseException {
        FileNames.environment(environment);
        String json;
        try {
            json = LedgerJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(state);
        } catch (IOException e) {
            throw new IllegalArgumentException("the state of " + environment + " cannot be written as JSON: " + e.getMessage(), e);
        }
        write("write the state of " + environment + " in", c -> {
            LedgerTables.putState(c, environment, json);
            return null;
        });
    }

    /** The environment's state as stored (JSON), for tools and tests that look at what was written. */
    public synchronized Optional<String> stateJson(String environment) throws ReleaseException {
        FileNames.environment(environment);
        return read("read the state of " + environment + " from", Optional.empty(), c -> LedgerTables.state(c, environment));
    }

    /**
     * Takes the environment's lock for an operation, without waiting.
     *
     * @throws ReleaseException {@code FAILED_SAFELY} naming the holder when another thread or process has it
     */
    public synchronized EnvironmentLock acquire(String environment, String operation) throws ReleaseException {
        FileNames.environment(environment);
        if (fileLocks != null) {
            return fileLocks.acquire(environment, operation);
        }
        db(true);
        return leases.acquire(environment, operation);
    }

    /** Stores a release's provenance statement, byte for byte. */
    public synchronized void writeProvenance(String releaseId, String statementJson) throws ReleaseException {
        FileNames.releaseId(releaseId);
        write("store the provenance of " + releaseId + " in", c -> {
            LedgerTables.putProvenance(c, releaseId, statementJson);
            return null;
        });
    }

    /** A release's provenance statement as written, or empty. */
    public synchronized Optional<String> readProvenance(String releaseId) throws ReleaseException {
        FileNames.releaseId(releaseId);
        return read("read the provenance of " + releaseId + " from", Optional.empty(), c -> LedgerTables.provenance(c, releaseId));
    }

    /** Closes the connection; the ledger opens another if used again. */
    @Override
    public synchronized void close() {
        db.close();
        ready = false;
        closed = true;
    }
}
