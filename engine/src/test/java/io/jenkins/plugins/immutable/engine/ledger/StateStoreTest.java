package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.ledger.LedgerChildMain.Payload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    /** Stands in for the deploy stage's own state type. */
    record EnvState(Colour active, ImageRef ref, Duration keepPrevious, Instant since, Map<String, Integer> ports) {
    }

    @Test
    void stateRoundTripsAndIsReplacedWhole() throws Exception {
        Ledger ledger = Ledger.open(dir);
        assertThat(ledger.readState("staging", EnvState.class)).isEmpty();
        EnvState first = new EnvState(Colour.BLUE, Samples.release(1).ref(), Duration.ofHours(24), Samples.T0, Map.of("blue", 32768));
        EnvState second = new EnvState(Colour.GREEN, Samples.release(2).ref(), Duration.ofMinutes(5), Samples.T0.plusSeconds(60),
                Map.of("blue", 32768, "green", 32769));

        ledger.writeState("staging", first);
        assertThat(Ledger.open(dir).readState("staging", EnvState.class)).contains(first);
        ledger.writeState("staging", second);
        assertThat(Ledger.open(dir).readState("staging", EnvState.class)).contains(second);

        assertThat(ledger.stateFile("staging")).isEqualTo(dir.resolve("environments/staging.json"));
        assertThat(Files.readString(ledger.stateFile("staging"))).contains("\"ref\" : \"" + second.ref() + "\"");
        try (Stream<Path> files = Files.list(dir.resolve("environments"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("staging.json");
        }
    }

    @Test
    void aStateFileThatDoesNotParseIsBadInputNamingTheFileAndTheRemedy() throws Exception {
        Ledger ledger = Ledger.open(dir);
        ledger.writeState("staging", new EnvState(Colour.BLUE, null, null, null, Map.of()));
        Files.writeString(ledger.stateFile("staging"), "{\"active\": \"PURPLE\"");

        assertThatThrownBy(() -> ledger.readState("staging", EnvState.class))
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                .hasMessageContaining(ledger.stateFile("staging").toString())
                .hasMessageContaining("Restore it from a backup, or move it aside");
    }

    @Test
    void environmentNamesThatCouldEscapeTheFolderAreRefused() {
        Ledger ledger = Ledger.open(dir);
        for (String bad : List.of("../etc", "a/b", "", ".hidden")) {
            assertThatThrownBy(() -> ledger.writeState(bad, Map.of())).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is not a valid environment name");
        }
    }

    @Test
    void aWriterKilledAtRandomMomentsLeavesTheOldStateOrTheNewNeverATornOne() throws Exception {
        Ledger ledger = Ledger.open(dir);
        // Kills (at random moments, and aimed at a temporary file) until enough of them demonstrably landed in the middle
        // of a write (between creating the temporary file and the rename, which leaves that file behind); a run where
        // too few did proves too little and fails.
        int wantedMidWrite = 4;
        int maxRounds = 40;
        int rounds = 0;
        int caughtMidWrite = 0;
        long generations = 0;
        while (caughtMidWrite < wantedMidWrite && rounds < maxRounds) {
            try (ChildJvm writer = ChildJvm.start("write-state", dir.toString(), "staging")) {
                writer.expect("READY");
                if (rounds % 2 == 0) {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(0, 100));
                } else {
                    // Aimed: as soon as a temporary file shows, so that most of these kills land inside a write.
                    awaitTemporaryFile();
                }
                writer.kill();
            }
            boolean midWrite = temporaryFiles() > 0;
            if (midWrite) {
                caughtMidWrite++;
            }
            Payload state = ledger.readState("staging", Payload.class).orElseThrow();
            assertThat(state.whole()).as("round %d (killed mid-write: %s): generation %d is whole", rounds, midWrite,
                    state.generation()).isTrue();
            generations += state.generation();
            rounds++;
        }
        System.out.printf("[state-kill] %d writers killed after %d writes in all; %d killed in the middle of a write%n",
                rounds, generations, caughtMidWrite);
        assertThat(caughtMidWrite).as("kills that landed in the middle of a write, in %d rounds", rounds)
                .isGreaterThanOrEqualTo(wantedMidWrite);

        // The next write removes the temporary files of writers that are gone.
        ledger.writeState("staging", Payload.of(0));
        assertThat(temporaryFiles()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("environments"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("staging.json");
        }
    }

    private void awaitTemporaryFile() throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        while (temporaryFiles() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private long temporaryFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("environments"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(".staging.json.tmp-")).count();
        }
    }
}
