package io.jenkins.plugins.immutable.engine.ledger;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-process companions of the OS file locks. A JVM holds an OS lock for the whole process, so threads must be kept
 * apart here first: a second {@code FileChannel.lock} on the same file in one JVM throws
 * {@code OverlappingFileLockException}, and (POSIX) closing any channel on a locked file releases the process's lock
 * on it. Keys are canonical paths, so every {@link Ledger} on the same folder shares them.
 */
final class JvmLocks {

    private static final ConcurrentHashMap<Path, ReentrantLock> MUTEXES = new ConcurrentHashMap<>();

    private JvmLocks() {
    }

    /** The one in-process lock guarding {@code lockFile}; never removed, so threads cannot end up with different ones. */
    static ReentrantLock mutex(Path lockFile) {
        return MUTEXES.computeIfAbsent(lockFile, p -> new ReentrantLock());
    }
}
