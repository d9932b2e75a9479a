package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * {@code journal.jsonl}: the append-only history. Each append is one whole line, forced to disk before it returns,
 * under an in-process lock and an exclusive OS lock on {@code journal.lock} (a separate file, so that readers, which
 * take no lock, never open or close the locked file). An append first sets aside a torn last line, so that a crash
 * never turns into a corrupt middle line.
 */
final class Journal {

    static final String FILE = "journal.jsonl";
    static final String LOCK_FILE = "journal.lock";
    static final String TORN_PREFIX = "journal.torn-";

    // Appends hold the lock for one write and one fsync: waiting longer than this means a stuck process.
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final StateFolder folder;
    private final Path file;
    private final Clock clock;

    Journal(StateFolder folder, Clock clock) {
        this.folder = folder;
        this.file = folder.file(FILE);
        this.clock = clock;
    }

    Path file() {
        return file;
    }

    /** See {@link JournalReader#read}; a journal that does not exist yet reads as empty. */
    JournalReader.Outcome read(long offset, long linesBefore, Consumer<Object> sink) throws ReleaseException {
        if (!Files.exists(file)) {
            return new JournalReader.Outcome(0, 0, 0, 0, null);
        }
        return JournalReader.read(file, offset, linesBefore, sink);
    }

    /**
     * Appends {@code record} durably.
     *
     * @return a note for the user when a torn last line was set aside first
     */
    Optional<String> append(Object record) throws ReleaseException {
        byte[] line = JournalCodec.encode(record);
        Path lockFile = folder.realRoot().resolve(LOCK_FILE);
        ReentrantLock mutex = JvmLocks.mutex(lockFile);
        mutex.lock();
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockWithin(lockChannel)) {
            return appendLocked(line);
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to append to the ledger journal " + file + " but failed because "
                    + JournalReader.reason(e) + ": check the free space and permissions of the state folder " + folder.root() + ".", e);
        } finally {
            mutex.unlock();
        }
    }

    private Optional<String> appendLocked(byte[] line) throws IOException, ReleaseException {
        if (!Files.exists(file)) {
            // Created whole with its header, so a journal without a complete header was never ours.
            AtomicFiles.write(file, JournalCodec.HEADER);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            Optional<String> note = Optional.empty();
            if (size == 0) {
                AtomicFiles.writeFully(ch, JournalCodec.HEADER, 0);
                size = JournalCodec.HEADER.length;
            } else {
                checkHeader(ch);
                long torn = JournalTail.tornStart(ch, size);
                if (torn >= 0) {
                    note = Optional.of(setAside(ch, torn, size));
                    size = torn;
                }
            }
            try {
                AtomicFiles.writeFully(ch, line, size);
                ch.force(true);
            } catch (IOException e) {
                // Disk full, say: take back the part written, so the failure leaves no torn line behind.
                ch.truncate(size);
                throw e;
            }
            return note;
        }
    }

    private void checkHeader(FileChannel ch) throws IOException, ReleaseException {
        byte[] first = JournalTail.firstLine(ch, 4096);
        JournalCodec.HeaderCheck header = first == null ? new JournalCodec.HeaderCheck(false, 0)
                : JournalCodec.checkHeader(first, 0, first.length);
        if (!header.ours()) {
            throw JournalReader.notOurs(file);
        }
        if (header.version() > JournalCodec.VERSION) {
            throw JournalReader.newerVersion(file, header.version());
        }
    }

    /** Copies the fragment to a side file and makes that durable before cutting it off: nothing is ever dropped. */
    private String setAside(FileChannel ch, long from, long size) throws IOException {
        byte[] fragment = JournalTail.read(ch, from, (int) (size - from));
        Path side = sideFile();
        try (FileChannel out = FileChannel.open(side, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            AtomicFiles.writeFully(out, fragment, 0);
            out.force(true);
        }
        AtomicFiles.forceFolder(file.getParent());
        ch.truncate(from);
        ch.force(true);
        return "Set aside an incomplete last line of " + file + " (" + fragment.length + " bytes, left by an interrupted"
                + " write) in " + side + " before recording.";
    }

    private Path sideFile() {
        String stamp = STAMP.format(clock.instant());
        Path side = file.resolveSibling(TORN_PREFIX + stamp);
        for (int n = 2; Files.exists(side); n++) {
            side = file.resolveSibling(TORN_PREFIX + stamp + "-" + n);
        }
        return side;
    }

    private FileLock lockWithin(FileChannel ch) throws IOException, ReleaseException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new ReleaseException(Kind.FAILED_SAFELY, "Tried to append to the ledger journal " + file + " but another"
                        + " process has held " + LOCK_FILE + " for over " + LOCK_WAIT.toSeconds() + " s: check for a stuck"
                        + " immutable process using this state folder. Nothing was recorded.");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReleaseException(Kind.FAILED_SAFELY, "Interrupted while waiting to append to " + file
                        + ". Nothing was recorded.", e);
            }
        }
    }
}
