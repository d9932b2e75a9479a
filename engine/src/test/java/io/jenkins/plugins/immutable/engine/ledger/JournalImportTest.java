package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state folder written by the journal (a committed sample of that format) is imported on first open, once. */
class JournalImportTest {

    @TempDir
    Path dir;

    @Test
    void theFirstOpenImportsEverythingOnceKeepsTheOldFilesAndSaysSo() throws Exception {
        Path state = Samples.journalFolder(dir.resolve("state"));
        byte[] journalBefore = Files.readAllBytes(state.resolve("journal.jsonl"));
        List<String> notes = new ArrayList<>();

        Ledger ledger = Ledger.open(LedgerLocation.folder(state), Clock.systemUTC(), Map.of(), notes::add);
        List<Release> releases = ledger.releases();

        assertThat(releases).extracting(Release::id).containsExactly("rel-111111111111", "rel-222222222222", "rel-333333333333");
        assertThat(releases.get(0).inputDigest()).as("recorded again in the journal: the later record").isNotNull();
        assertThat(ledger.history("staging")).extracting(d -> d.state()).containsExactly(DeploymentState.ACTIVE,
                DeploymentState.STARTING);
        assertThat(ledger.history("production")).hasSize(1);
        assertThat(ledger.latestIntent("staging").orElseThrow().finished()).isTrue();
        assertThat(ledger.latestIntent("production").orElseThrow().finished()).isFalse();
        assertThat(ledger.environments()).containsExactly("production", "staging");
        assertThat(ledger.readState("staging", Map.class).orElseThrow()).containsEntry("live", "blue");
        assertThat(ledger.readProvenance("rel-111111111111")).contains(
                Files.readString(state.resolve("provenance/rel-111111111111.intoto.json")));
        assertThat(notes).singleElement().asString()
                .startsWith("Imported the journal of " + state + " into ledger.db: 4 releases, 3 deployment steps, 3 intents,"
                        + " 2 environment states and 1 provenance statements")
                .contains("skipped the incomplete last line 12")
                .endsWith("The old files are kept as they were and are no longer read.");
        assertThat(Files.readAllBytes(state.resolve("journal.jsonl"))).as("kept as it was").isEqualTo(journalBefore);

        // Once: what the journal says later is no longer read, and nothing is imported again.
        Files.writeString(state.resolve("journal.jsonl"), "\n", StandardOpenOption.APPEND);
        List<String> later = new ArrayList<>();
        Ledger again = Ledger.open(LedgerLocation.folder(state), Clock.systemUTC(), Map.of(), later::add);
        again.recordRelease(Samples.release(9));
        assertThat(again.releases()).hasSize(4);
        assertThat(later).isEmpty();
    }

    @Test
    void aJournalDamagedInTheMiddleIsNotImportedAndStaysRefused() throws Exception {
        Path state = Samples.journalFolder(dir.resolve("state"));
        List<String> lines = new ArrayList<>(Files.readAllLines(state.resolve("journal.jsonl")));
        lines.set(3, lines.get(3).substring(0, 40));
        Files.write(state.resolve("journal.jsonl"), lines);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> Ledger.open(state).releases()).as("refused, and nothing half-imported the next time")
                    .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                    .hasMessageContaining(state.resolve("journal.jsonl") + " line 4 is not a readable record")
                    .hasMessageContaining("Restore the journal from a backup");
        }
    }

    @Test
    void aFileThatIsNotOurJournalIsRefusedNamingIt() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(state.resolve("journal.jsonl"), "{\"something\":\"else\"}\n");

        assertThatThrownBy(() -> Ledger.open(state).recordRelease(Samples.release(1)))
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                .hasMessageContaining(state.resolve("journal.jsonl") + " is not an immutable-release ledger journal");
    }
}
