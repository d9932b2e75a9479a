package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Release;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads 100,000 releases and prints the time and the heap they take; asserts only that they are all there. */
class JournalLoadTest {

    private static final int RELEASES = 100_000;

    @TempDir
    Path dir;

    @Test
    void readsAHundredThousandReleases() throws Exception {
        // Written in one stream, as 100,000 fsync'd appends would time the disk, not the reader.
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("journal.jsonl")), 1 << 16)) {
            out.write(JournalCodec.HEADER);
            for (int i = 0; i < RELEASES; i++) {
                out.write(JournalCodec.encode(Samples.release("load", i, 1000)));
            }
        }
        long fileBytes = Files.size(dir.resolve("journal.jsonl"));

        // First read: the reading code is not yet compiled, as in a command that starts, loads and exits.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long heapBefore = usedHeap();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Ledger ledger = Ledger.open(dir);
        List<Release> releases = ledger.releases();
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        long firstCpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        long heapAfter = usedHeap();

        start = System.nanoTime();
        int again = Ledger.open(dir).releases().size();
        long secondMillis = (System.nanoTime() - start) / 1_000_000;

        start = System.nanoTime();
        List<Release> reuse = ledger.releasesByInputDigest(Samples.release("load", 7, 1000).inputDigest());
        long queryMicros = (System.nanoTime() - start) / 1_000;

        // Wall time depends on what else the machine runs; the thread's CPU time much less so.
        System.out.printf("[ledger-load] %,d releases (%,d bytes of journal): first read %,d ms (%,d ms CPU), second %,d ms;"
                + " %,.1f MiB heap retained; a reuse lookup on the loaded ledger %,d µs%n",
                releases.size(), fileBytes, firstMillis, firstCpuMillis, secondMillis, (heapAfter - heapBefore) / 1048576.0,
                queryMicros);

        assertThat(again).isEqualTo(RELEASES);
        assertThat(releases).hasSize(RELEASES);
        assertThat(releases.get(0)).isEqualTo(Samples.release("load", 0, 1000));
        assertThat(releases.get(RELEASES - 1)).isEqualTo(Samples.release("load", RELEASES - 1, 1000));
        assertThat(reuse).hasSize(100).first().isEqualTo(Samples.release("load", 99_007, 1000));
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
