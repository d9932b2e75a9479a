package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code locks/<name>.lock}: the environment locks of a state folder (SQLite): one OS file lock per environment, tried and never waited for, so a second operation
 * fails at once with who holds it. The file is never deleted: a process that deleted it while another held it would
 * let a third lock a new file, and two operations would run at once.
 */
final class EnvironmentLocks {

    static final String FOLDER = "locks";

    /**
     * Locks this JVM holds, by canonical file. Checked before the file is opened: the OS lock cannot tell threads of
     * one process apart, and opening then closing the file here would release the holder's OS lock.
     */
    private static final ConcurrentHashMap<Path, LockHolder> HELD_HERE = new ConcurrentHashMap<>();
    private static final long PID = ProcessHandle.current().pid();

    private final StateFolder folder;
    private final Clock clock;

    EnvironmentLocks(StateFolder folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    EnvironmentLock acquire(String environment, String operation) throws ReleaseException {
        FileNames.environment(environment);
        folder.subfolder(FOLDER);
        Path file = folder.realRoot().resolve(FOLDER).resolve(environment + ".lock");
        LockHolder me = new LockHolder(PID, HostName.get(), operation, clock.instant());
        LockHolder other = HELD_HERE.putIfAbsent(file, me);
        if (other != null) {
            throw held(environment, other, " (another thread of this process)");
        }
        try {
            return lock(environment, file, me);
        } catch (ReleaseException | RuntimeException e) {
            HELD_HERE.remove(file, me);
            throw e;
        }
    }

    private EnvironmentLock lock(String environment, Path file, LockHolder me) throws ReleaseException {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(ch);
            if (lock == null) {
                throw held(environment, readHolder(ch), "");
            }
            LockHolder previous = readHolder(ch);
            ch.truncate(0);
            AtomicFiles.writeFully(ch, LedgerJson.MAPPER.writeValueAsBytes(me), 0);
            ch.force(false);
            FileChannel channel = ch;
            EnvironmentLock held = new EnvironmentLock(environment, me, previous,
                    EnvironmentLock.takeoverNote(environment, previous), () -> release(channel, lock, file, me));
            ch = null;
            return held;
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to lock environment '" + environment + "' with " + file
                    + " but failed because " + StateFolder.reason(e) + ": check the permissions of the state folder.", e);
        } finally {
            closeQuietly(ch);
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            // Only if something in this JVM locked the file without going through HELD_HERE: still, it is taken.
            return null;
        }
    }

    /** The holder named in the file, or {@code null} when it is empty (released cleanly, or being written right now). */
    private static LockHolder readHolder(FileChannel ch) {
        try {
            long size = ch.size();
            if (size == 0 || size > 64 * 1024) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && ch.read(buffer, buffer.position()) >= 0) {
                // keep reading
            }
            return LedgerJson.MAPPER.readValue(buffer.array(), LockHolder.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private ReleaseException held(String environment, LockHolder holder, String where) {
        String who = holder == null ? "another process (which is writing its name into the lock file right now)"
                : holder.describe(clock.instant()) + where;
        return new ReleaseException(Kind.FAILED_SAFELY, "Environment '" + environment + "' is locked by " + who + ": wait for"
                + " that operation to finish, or check that process. Nothing was changed.");
    }

    private static void release(FileChannel channel, FileLock lock, Path file, LockHolder me) {
        try {
            // An empty file tells the next holder that this one finished; a named holder means it died.
            channel.truncate(0);
            channel.force(false);
        } catch (IOException e) {
            // The lock is released below regardless; the stale name only makes the next holder report a takeover.
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the OS lock even when release() failed.
        } finally {
            HELD_HERE.remove(file, me);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Closing releases any lock; nothing more to do.
            }
        }
    }
}
