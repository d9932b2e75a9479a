package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.engine.api.Release;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void twoThreadsWithTwoLedgersAppending500EachLoseNothing() throws Exception {
        // Two Ledger objects on one folder: without the in-process lock, the OS lock throws OverlappingFileLockException.
        List<Ledger> ledgers = List.of(Ledger.open(dir), Ledger.open(dir.resolve(".").resolve("x/..")));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String seed = "thread" + t;
                Ledger ledger = ledgers.get(t);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        ledger.recordRelease(Samples.release(seed, i, Integer.MAX_VALUE));
                        if (i % 50 == 0) {
                            ledger.releases(); // reads interleave with the other thread's writes
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(Files.readAllLines(dir.resolve("journal.jsonl"))).hasSize(1001);
        assertEveryLineParses(1000);
        assertThat(Ledger.open(dir).releases()).hasSize(1000).doesNotHaveDuplicates();
        assertInOrderPerWriter(Ledger.open(dir).releases(), "thread0", 500);
        assertInOrderPerWriter(Ledger.open(dir).releases(), "thread1", 500);
    }

    @Test
    void threeProcessesAndThisOneAppendingAtOnceLoseNothing() throws Exception {
        int perProcess = 300;
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int c = 0; c < 3; c++) {
                children.add(ChildJvm.start("append", dir.toString(), "child" + c, Integer.toString(perProcess)));
            }
            for (ChildJvm child : children) {
                child.expect("READY");
            }
            for (ChildJvm child : children) {
                child.send("GO");
            }
            Ledger here = Ledger.open(dir);
            CompletableFuture<Void> local = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perProcess; i++) {
                    try {
                        here.recordRelease(Samples.release("parent", i, Integer.MAX_VALUE));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            for (ChildJvm child : children) {
                child.expect("DONE");
                assertThat(child.waitFor()).isZero();
            }
            local.get();
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }

        assertEveryLineParses(4 * perProcess);
        List<Release> all = Ledger.open(dir).releases();
        assertThat(all).hasSize(4 * perProcess).doesNotHaveDuplicates();
        for (String writer : List.of("child0", "child1", "child2", "parent")) {
            assertInOrderPerWriter(all, writer, perProcess);
        }
        assertThat(Ledger.open(dir).journalStatus().tornTail()).isEmpty();
    }

    private void assertEveryLineParses(int records) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
        assertThat(lines).hasSize(records + 1);
        Set<String> ids = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            ids.add(((Release) JournalCodec.decode(bytes, 0, bytes.length)).id());
        }
        assertThat(ids).hasSize(records);
    }

    /** Each writer's records appear in the order it appended them. */
    private static void assertInOrderPerWriter(List<Release> all, String seed, int count) {
        List<Release> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(Samples.release(seed, i, Integer.MAX_VALUE));
        }
        Set<Release> mine = new HashSet<>(expected);
        assertThat(all.stream().filter(mine::contains).toList()).isEqualTo(expected);
    }
}
