package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRecoveryTest {

    @TempDir
    Path dir;

    private Path journal() {
        return dir.resolve("journal.jsonl");
    }

    private Ledger ledgerWithThreeReleases() throws ReleaseException {
        Ledger ledger = Ledger.open(dir, Clock.fixed(Samples.T0, ZoneOffset.UTC));
        for (int i = 1; i <= 3; i++) {
            ledger.recordRelease(Samples.release(i));
        }
        return ledger;
    }

    @Test
    void aTornLastLineIsReportedThenSetAsideByTheNextAppend() throws Exception {
        Ledger ledger = ledgerWithThreeReleases();
        String fragment = new String(JournalCodec.encode(Samples.release(4)), StandardCharsets.UTF_8).substring(0, 57);
        Files.writeString(journal(), fragment, StandardOpenOption.APPEND);

        Ledger reader = Ledger.open(dir);
        assertThat(reader.releases()).containsExactly(Samples.release(1), Samples.release(2), Samples.release(3));
        TornTail torn = reader.journalStatus().tornTail().orElseThrow();
        assertThat(torn.line()).isEqualTo(5);
        assertThat(torn.length()).isEqualTo(57);
        assertThat(torn.reason()).isEqualTo("no line end");
        assertThat(torn.describe()).contains(journal().toString(), "line 5", "interrupted write");

        Optional<String> note = ledger.recordRelease(Samples.release(5));

        Path side = dir.resolve("journal.torn-20250501T100000.123Z");
        assertThat(note.orElseThrow()).contains("Set aside", "57 bytes", side.toString());
        assertThat(Files.readString(side)).isEqualTo(fragment);
        assertThat(Files.readString(journal())).endsWith("}\n").doesNotContain(fragment + "{");
        assertEveryLineParses();
        assertThat(reader.releases()).containsExactly(Samples.release(1), Samples.release(2), Samples.release(3),
                Samples.release(5));
        assertThat(reader.journalStatus().tornTail()).isEmpty();
        assertThat(ledger.recordRelease(Samples.release(6))).isEmpty();
    }

    @Test
    void aLastLineThatEndsButDoesNotParseCountsAsTornToo() throws Exception {
        Ledger ledger = ledgerWithThreeReleases();
        Files.write(journal(), new byte[] {'{', '"', 't', 'y', 0, 0, 0, '\n'}, StandardOpenOption.APPEND);

        assertThat(ledger.releases()).hasSize(3);
        assertThat(ledger.journalStatus().tornTail().orElseThrow().line()).isEqualTo(5);

        assertThat(ledger.recordRelease(Samples.release(4))).isPresent();
        assertEveryLineParses();
        assertThat(Ledger.open(dir).releases()).hasSize(4);
    }

    @Test
    void twoTornTailsSetAsideInTheSameMillisecondGoToTwoSideFiles() throws Exception {
        Ledger ledger = ledgerWithThreeReleases();
        Files.writeString(journal(), "{\"type\":\"rel", StandardOpenOption.APPEND);
        ledger.recordRelease(Samples.release(4));
        Files.writeString(journal(), "{\"type\":\"dep", StandardOpenOption.APPEND);
        ledger.recordRelease(Samples.release(5));

        try (Stream<Path> files = Files.list(dir)) {
            List<String> sides = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("journal.torn-")).sorted().toList();
            assertThat(sides).containsExactly("journal.torn-20250501T100000.123Z", "journal.torn-20250501T100000.123Z-2");
        }
        assertThat(Files.readString(dir.resolve("journal.torn-20250501T100000.123Z-2"))).isEqualTo("{\"type\":\"dep");
        assertThat(ledger.releases()).hasSize(5);
    }

    @Test
    void aBadLineWithRecordsAfterItIsCorruptionNamingTheLine() throws Exception {
        ledgerWithThreeReleases();
        List<String> lines = Files.readAllLines(journal());
        lines.set(2, lines.get(2).substring(0, 40));
        Files.write(journal(), lines);

        assertThatThrownBy(() -> Ledger.open(dir).releases())
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                .hasMessageContaining(journal().toString())
                .hasMessageContaining("corrupt at line 3")
                .hasMessageContaining("Restore the file from a backup, or move it aside");
    }

    @Test
    void aRecordThatIsJsonButNotValidIsCorruptionToo() throws Exception {
        ledgerWithThreeReleases();
        List<String> lines = Files.readAllLines(journal());
        lines.set(1, lines.get(1).replace("sha256:", "md5:"));
        Files.write(journal(), lines);

        assertThatThrownBy(() -> Ledger.open(dir).releases())
                .hasMessageContaining("corrupt at line 2")
                .hasMessageContaining("field ref: ")
                .hasMessageContaining("has a malformed digest");
    }

    @Test
    void aFileThatIsNotOurLedgerIsRefusedForReadingAndForWriting() throws Exception {
        String theirs = "{\"event\":\"login\",\"user\":\"ann\"}\n";
        Files.writeString(journal(), theirs);

        assertThatThrownBy(() -> Ledger.open(dir).releases())
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                .hasMessageContaining(journal().toString())
                .hasMessageContaining("is not an Immutable Release ledger")
                .hasMessageContaining("point --state");
        assertThatThrownBy(() -> Ledger.open(dir).recordRelease(Samples.release(1)))
                .hasMessageContaining("is not an Immutable Release ledger");
        assertThat(Files.readString(journal())).isEqualTo(theirs);

        Files.writeString(journal(), "just some text without a line end");
        assertThatThrownBy(() -> Ledger.open(dir).releases()).hasMessageContaining("is not an Immutable Release ledger");
    }

    @Test
    void aLedgerOfANewerVersionIsRefused() throws Exception {
        Files.writeString(journal(), "{\"ledger\":\"immutable-release\",\"version\":2}\n");

        assertThatThrownBy(() -> Ledger.open(dir).releases()).hasMessageContaining("newer Immutable Release");
        assertThatThrownBy(() -> Ledger.open(dir).recordRelease(Samples.release(1))).hasMessageContaining("newer Immutable Release");
    }

    @Test
    void anEmptyJournalReadsAsEmptyAndGetsItsHeaderOnTheFirstAppend() throws Exception {
        Files.createFile(journal());
        Ledger ledger = Ledger.open(dir);
        assertThat(ledger.releases()).isEmpty();

        ledger.recordRelease(Samples.release(1));

        assertThat(Files.readAllLines(journal()).get(0)).isEqualTo("{\"ledger\":\"immutable-release\",\"version\":1}");
        assertThat(ledger.releases()).containsExactly(Samples.release(1));
    }

    @Test
    void appendersKilledAtRandomMomentsNeverCostAnAcknowledgedRecordNorTheLedgersReadability() throws Exception {
        Ledger ledger = Ledger.open(dir);
        int acknowledged = 0;
        for (int round = 0; round < 6; round++) {
            List<String> said;
            try (ChildJvm appender = ChildJvm.start("append-forever", dir.toString(), "round" + round)) {
                appender.expect("APPENDED");
                Thread.sleep(ThreadLocalRandom.current().nextInt(0, 100));
                appender.kill();
                said = appender.said();
            }
            long count = said.stream().filter(line -> line.startsWith("APPENDED ")).count();
            List<Release> all = ledger.releases(); // readable, whatever the kill left
            for (int i = 0; i < count; i++) {
                assertThat(all).contains(Samples.release("round" + round, i, Integer.MAX_VALUE));
            }
            acknowledged += (int) count;
        }
        ledger.recordRelease(Samples.release(1));
        assertEveryLineParses();
        assertThat(ledger.releases().size()).isGreaterThanOrEqualTo(acknowledged + 1);
        System.out.printf("[journal-kill] 6 appenders killed; %d acknowledged records all kept; %d records in all%n",
                acknowledged, ledger.releases().size());
    }

    private void assertEveryLineParses() throws Exception {
        List<String> lines = Files.readAllLines(journal());
        assertThat(Files.readString(journal())).endsWith("\n");
        for (String line : lines.subList(1, lines.size())) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(JournalCodec.decode(bytes, 0, bytes.length)).isNotSameAs(JournalCodec.UNKNOWN_TYPE);
        }
    }
}
