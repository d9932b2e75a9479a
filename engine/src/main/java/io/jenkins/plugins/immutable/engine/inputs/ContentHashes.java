package io.jenkins.plugins.immutable.engine.inputs;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The content hash of every entry of a context, in entry order. A large context is hashed by a few threads, each
 * taking the next file: the command runs on the client compiler only (it starts sooner), whose SHA-256 has no CPU
 * intrinsics, so a context of tens of MB took half a second on one core. The result, and the failure reported
 * when files changed, are those of hashing one file after the other: the first failing entry in entry order.
 */
final class ContentHashes {

    /** Below this many bytes of file content, threads cost more than they save. */
    static final long PARALLEL_BYTES = 8L << 20;
    private static final int MAX_THREADS = 4;

    private ContentHashes() {
    }

    static byte[][] of(List<ContextEntry> entries) throws InvalidInputException {
        return of(entries, PARALLEL_BYTES, Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS));
    }

    static byte[][] of(List<ContextEntry> entries, long parallelBytes, int threads) throws InvalidInputException {
        byte[][] hashes = new byte[entries.size()][];
        long fileBytes = entries.stream().filter(e -> e.kind() == ContextEntry.Kind.FILE).mapToLong(ContextEntry::size).sum();
        if (threads < 2 || fileBytes < parallelBytes) {
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = of(entries.get(i));
            }
            return hashes;
        }
        Exception[] failures = new Exception[hashes.length];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < hashes.length; i = next.getAndIncrement()) {
                try {
                    hashes[i] = of(entries.get(i));
                } catch (InvalidInputException | RuntimeException e) {
                    failures[i] = e;
                }
            }
        };
        Thread[] helpers = new Thread[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(worker, "immutable-digest-" + (t + 1));
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        worker.run();
        joinAll(helpers);
        for (Exception failure : failures) {
            if (failure instanceof InvalidInputException invalid) {
                throw invalid;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
        }
        return hashes;
    }

    /** Waits for every helper; they only read files, so an interrupt is kept for the caller rather than obeyed here. */
    private static void joinAll(Thread[] helpers) {
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] of(ContextEntry entry) throws InvalidInputException {
        return switch (entry.kind()) {
            case FILE -> Sha256.ofFile(entry);
            case SYMLINK -> Sha256.newDigest().digest(entry.linkTarget().getBytes(StandardCharsets.UTF_8));
            case DIRECTORY -> new byte[0];
        };
    }
}
