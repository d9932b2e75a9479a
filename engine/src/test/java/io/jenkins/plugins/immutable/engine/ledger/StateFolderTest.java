package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFolderTest {

    @TempDir
    Path dir;

    @Test
    void readingCreatesNothingAndTheFirstWriteCreatesTheFolder() throws Exception {
        Path state = dir.resolve("work/.immutable");
        Ledger ledger = Ledger.open(state);

        assertThat(ledger.releases()).isEmpty();
        assertThat(ledger.history("staging")).isEmpty();
        assertThat(ledger.readState("staging", Map.class)).isEmpty();
        assertThat(ledger.readProvenance("rel-000000000000")).isEmpty();
        assertThat(dir.resolve("work")).doesNotExist();

        ledger.recordRelease(Samples.release(1));
        assertThat(state.resolve("ledger.db")).isRegularFile();
        assertThat(ledger.stateDir()).isEqualTo(state);
    }

    @Test
    void aFolderThatCannotBeWrittenFailsClearlyAndNothingIsWritten() throws Exception {
        Path parent = Files.createDirectory(dir.resolve("readonly"));
        Path state = parent.resolve(".immutable");
        Ledger ledger = Ledger.open(state);

        try (ReadOnlyFolder ignored = ReadOnlyFolder.of(parent)) {
            assertNotWritable(state, () -> ledger.recordRelease(Samples.release(1)));
            assertNotWritable(state, () -> ledger.writeState("staging", Map.of("a", 1)));
            assertNotWritable(state, () -> ledger.acquire("staging", "deploy"));
            assertNotWritable(state, () -> ledger.writeProvenance("rel-000000000000", "{}"));
            try (Stream<Path> entries = Files.list(parent)) {
                assertThat(entries).isEmpty();
            }
        }
    }

    @Test
    void aReadOnlyLedgerCanStillBeReadButNotWritten() throws Exception {
        Path state = Files.createDirectory(dir.resolve("state"));
        try (Ledger writer = Ledger.open(state)) {
            writer.recordRelease(Samples.release(1));
            writer.writeState("staging", Map.of("a", 0));
        }
        // Closed, SQLite removed its WAL side files: a folder no one may write cannot get them back.
        assertThat(state.resolve("ledger.db-wal")).doesNotExist();
        byte[] before = Files.readAllBytes(state.resolve("ledger.db"));

        try (ReadOnlyFolder ignored = ReadOnlyFolder.of(state)) {
            Ledger ledger = Ledger.open(state);
            assertThat(ledger.releases()).containsExactly(Samples.release(1));
            assertThat(ledger.readState("staging", Map.class)).contains(Map.of("a", 0));
            assertNotWritable(state, () -> ledger.recordRelease(Samples.release(2)));
            assertNotWritable(state, () -> ledger.writeState("staging", Map.of("a", 1)));
        }
        assertThat(Files.readAllBytes(state.resolve("ledger.db"))).isEqualTo(before);
    }

    @Test
    void aStateFolderThatIsAFileIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("state"), "x");

        assertThatThrownBy(() -> Ledger.open(file).recordRelease(Samples.release(1)))
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                .hasMessageContaining(file + " is a file, not a folder")
                .hasMessageContaining("point --state");
    }

    @Test
    void aFullDiskFailsClearlyKeepsWhatWasRecordedAndWorksAgainOnceThereIsRoom() throws Exception {
        try (FullFolder disk = FullFolder.mount(dir.resolve("small"), 2 * 1024 * 1024)) {
            Path state = disk.dir().resolve(".immutable");
            Ledger ledger = Ledger.open(state);
            ledger.recordRelease(Samples.release(1));
            disk.fill();

            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    ledger.writeState("staging", LedgerChildMain.Payload.of(i));
                }
            }).isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                    .hasMessageContaining("the disk is full")
                    .hasMessageContaining(state.toString())
                    .hasMessageContaining("Nothing was recorded.");
            assertThat(Ledger.open(state).releases()).containsExactly(Samples.release(1));

            disk.unfill();
            ledger.recordRelease(Samples.release(2));
            assertThat(Ledger.open(state).releases()).containsExactly(Samples.release(1), Samples.release(2));
        }
    }

    private static void assertNotWritable(Path state, ThrowingCallable write) {
        assertThatThrownBy(write)
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                .hasMessageStartingWith("Cannot write to the state folder " + state)
                .hasMessageContaining("point --state (or IMMUTABLE_STATE) at a folder you can write")
                .hasMessageContaining("Nothing was written.");
    }
}
