package io.jenkins.plugins.immutable.engine.ledger;

import java.util.Optional;

/**
 * An environment's exclusive lock, held from {@link Ledger#acquire} until {@link #close()}: an OS file lock in a state
 * folder, which the OS releases if the process dies, even by {@code kill -9}; a lease in a shared database, which
 * its holder renews while it lives and which anyone may take over once it expires (or at once, on the holder's own
 * machine, when the holder process is gone).
 */
public final class EnvironmentLock implements AutoCloseable {

    private final String environment;
    private final LockHolder holder;
    private final LockHolder previousHolder;
    private final String takeoverNote;
    private final Runnable release;
    private boolean closed;

    EnvironmentLock(String environment, LockHolder holder, LockHolder previousHolder, String takeoverNote, Runnable release) {
        this.environment = environment;
        this.holder = holder;
        this.previousHolder = previousHolder;
        this.takeoverNote = takeoverNote;
        this.release = release;
    }

    public String environment() {
        return environment;
    }

    /** This process, as recorded in the lock. */
    public LockHolder holder() {
        return holder;
    }

    /**
     * The holder whose lock was taken over: a process that died while holding it (the lock still named it). Empty
     * when the lock was free and clean.
     */
    public Optional<LockHolder> previousHolder() {
        return Optional.ofNullable(previousHolder);
    }

    /** A line for the user when a dead holder's lock was taken over, such as "took over the lock of pid 123, which is gone". */
    public Optional<String> takeoverNote() {
        return Optional.ofNullable(takeoverNote);
    }

    /** Clears the holder and releases the lock. Idempotent; never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        release.run();
    }

    /** The note for a holder found in the lock when it was taken: it did not release it, so it died. */
    static String takeoverNote(String environment, LockHolder previous) {
        if (previous == null) {
            return null;
        }
        boolean alive = previous.host().equals(HostName.get())
                && ProcessHandle.of(previous.pid()).map(ProcessHandle::isAlive).orElse(false);
        return "Took over the lock of environment '" + environment + "' from pid " + previous.pid() + " on host "
                + previous.host() + " (" + previous.operation() + " since " + (previous.since() == null ? "?"
                : previous.since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + "), which "
                + (alive ? "no longer holds it" : "is gone") + "; its operation was interrupted.";
    }
}
