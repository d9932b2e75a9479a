package io.jenkins.plugins.immutable.engine.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.Optional;

/**
 * An environment's exclusive lock, held from {@link Ledger#acquire} until {@link #close()}. The OS releases it if
 * the process dies, even by {@code kill -9}, so a crashed operation never leaves an environment locked for good.
 */
public final class EnvironmentLock implements AutoCloseable {

    private final String environment;
    private final LockHolder holder;
    private final LockHolder previousHolder;
    private final String takeoverNote;
    private final FileChannel channel;
    private final FileLock lock;
    private final Runnable onClose;
    private boolean closed;

    EnvironmentLock(String environment, LockHolder holder, LockHolder previousHolder, String takeoverNote, FileChannel channel,
            FileLock lock, Runnable onClose) {
        this.environment = environment;
        this.holder = holder;
        this.previousHolder = previousHolder;
        this.takeoverNote = takeoverNote;
        this.channel = channel;
        this.lock = lock;
        this.onClose = onClose;
    }

    public String environment() {
        return environment;
    }

    /** This process, as written into the lock file. */
    public LockHolder holder() {
        return holder;
    }

    /**
     * The holder whose lock was taken over: a process that died while holding it (its lock file still named it).
     * Empty when the lock was free and clean.
     */
    public Optional<LockHolder> previousHolder() {
        return Optional.ofNullable(previousHolder);
    }

    /** A line for the user when a dead holder's lock was taken over, such as "took over the lock of pid 123, which is gone". */
    public Optional<String> takeoverNote() {
        return Optional.ofNullable(takeoverNote);
    }

    /** Clears the holder from the lock file and releases the lock. Idempotent; never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
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
            onClose.run();
        }
    }
}
