package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.Release;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerRecordsTest {

    @TempDir
    Path dir;

    @Test
    void releasesRoundTripWithEveryFieldAndWithOnlyTheRequiredOnes() throws Exception {
        Ledger ledger = Ledger.open(dir);
        Release full = Samples.release(1);
        Digest adopted = Samples.digest("adopted");
        Release minimal = new Release(Release.idFor(adopted), "shop", new ImageRef(Samples.REPOSITORY, adopted), null, null, null,
                Samples.T0, "cli@host");

        ledger.recordRelease(full);
        ledger.recordRelease(minimal);

        Ledger reopened = Ledger.open(dir);
        assertThat(reopened.releases()).containsExactly(full, minimal);
        assertThat(reopened.release(full.id())).contains(full);
        assertThat(reopened.release(minimal.id())).contains(minimal);
        assertThat(reopened.release("rel-000000000000")).isEmpty();
    }

    @Test
    void deploymentsRoundTripAsEachEnvironmentsHistoryNewestFirst() throws Exception {
        Ledger ledger = Ledger.open(dir);
        DeploymentRecord starting = Samples.deployment("staging", 1, DeploymentState.STARTING);
        DeploymentRecord elsewhere = Samples.deployment("production", 1, DeploymentState.STARTING);
        DeploymentRecord active = Samples.deployment("staging", 1, DeploymentState.ACTIVE);
        DeploymentRecord withoutDetail = new DeploymentRecord(Samples.T0, "staging", Colour.GREEN, "rel-1", Samples.release(2).ref(),
                DeploymentState.ABORTED, null);
        for (DeploymentRecord record : List.of(starting, elsewhere, active, withoutDetail)) {
            ledger.recordDeployment(record);
        }

        Ledger reopened = Ledger.open(dir);
        assertThat(reopened.history("staging")).containsExactly(withoutDetail, active, starting);
        assertThat(reopened.history("production")).containsExactly(elsewhere);
        assertThat(reopened.history("qa")).isEmpty();
    }

    @Test
    void intentsRoundTripAndTheLatestOfEachEnvironmentIsKept() throws Exception {
        Ledger ledger = Ledger.open(dir);
        Release release = Samples.release(3);
        Intent begun = Intent.begin("staging", Intent.Operation.DEPLOY, "start-container", Colour.GREEN, release.id(), release.ref(),
                Map.of("container", "shop-staging-green", "previous", "blue"), Samples.T0);
        Intent switching = begun.next("switch-router", Map.of("port", "32768"), Samples.T0.plusSeconds(5));
        Intent bare = new Intent("op-2", "production", Intent.Operation.ABORT, "remove-container", null, null, null, null,
                Samples.T0.plusSeconds(6));
        ledger.recordIntent(begun);
        ledger.recordIntent(switching);
        ledger.recordIntent(bare);

        Ledger reopened = Ledger.open(dir);
        assertThat(reopened.latestIntent("staging")).contains(switching);
        assertThat(switching.details()).containsEntry("container", "shop-staging-green").containsEntry("port", "32768");
        assertThat(reopened.latestIntent("production")).contains(bare);
        assertThat(reopened.latestIntents()).containsOnlyKeys("staging", "production");
        assertThat(reopened.latestIntent("staging").orElseThrow().finished()).isFalse();

        ledger.recordIntent(switching.done(Samples.T0.plusSeconds(9)));
        assertThat(reopened.latestIntent("staging").orElseThrow().finished()).isTrue();
        assertThat(reopened.latestIntent("staging").orElseThrow().id()).isEqualTo(begun.id());
    }

    @Test
    void findsReleasesByImageDigestAndByInputDigestNewestFirst() throws Exception {
        Ledger ledger = Ledger.open(dir);
        Release first = Samples.release("x", 1, 2);
        Release other = Samples.release("x", 2, 2);
        Release sameInputs = Samples.release("x", 3, 2);
        for (Release release : List.of(first, other, sameInputs)) {
            ledger.recordRelease(release);
        }

        assertThat(first.inputDigest()).isEqualTo(sameInputs.inputDigest());
        assertThat(ledger.releasesByInputDigest(first.inputDigest())).containsExactly(sameInputs, first);
        assertThat(ledger.releasesByInputDigest(other.inputDigest())).containsExactly(other);
        assertThat(ledger.releasesByInputDigest(Samples.digest("nothing"))).isEmpty();
        assertThat(ledger.releaseByDigest(other.digest())).contains(other);
        assertThat(ledger.releaseByDigest(Samples.digest("nothing"))).isEmpty();
    }

    @Test
    void recordingAReleaseAgainUpdatesItInPlace() throws Exception {
        Ledger ledger = Ledger.open(dir);
        Release adopted = new Release(Samples.release(1).id(), "shop", Samples.release(1).ref(), null, null, null, Samples.T0, "cli@a");
        ledger.recordRelease(adopted);
        ledger.recordRelease(Samples.release(2));
        ledger.recordRelease(Samples.release(1));

        assertThat(ledger.releases()).containsExactly(Samples.release(1), Samples.release(2));
        assertThat(ledger.releasesByInputDigest(Samples.release(1).inputDigest())).containsExactly(Samples.release(1));
    }

    @Test
    void theFileIsOneHeaderThenOneTypedLinePerRecordWithTimesAndDigestsAsText() throws Exception {
        Ledger ledger = Ledger.open(dir);
        Release release = Samples.release(1);
        ledger.recordRelease(release);
        ledger.recordDeployment(Samples.deployment("staging", 1, DeploymentState.ACTIVE));

        List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("{\"ledger\":\"immutable-release\",\"version\":1}");
        assertThat(lines.get(1)).startsWith("{\"type\":\"release\",");
        assertThat(lines.get(2)).startsWith("{\"type\":\"deployment\",");
        JsonNode line = new ObjectMapper().readTree(lines.get(1));
        assertThat(line.get("created").asText()).isEqualTo("2025-05-01T10:00:01.123456789Z");
        assertThat(line.get("ref").asText()).isEqualTo(release.ref().toString());
        assertThat(line.get("inputDigest").asText()).isEqualTo(release.inputDigest().value());
        assertThat(new ObjectMapper().readTree(lines.get(2)).get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void unknownFieldsAreIgnoredAndUnknownTypesSkipped() throws Exception {
        Ledger ledger = Ledger.open(dir);
        Release release = Samples.release(1);
        ledger.recordRelease(release);
        String fromTheFuture = new String(JournalCodec.encode(Samples.release(2)), StandardCharsets.UTF_8)
                .replace("{\"type\":\"release\",", "{\"signature\":{\"alg\":\"x\"},\"type\":\"release\",\"colourway\":[1,2],");
        Files.writeString(dir.resolve("journal.jsonl"), fromTheFuture + "{\"type\":\"canary\",\"weight\":{\"green\":5}}\n",
                StandardOpenOption.APPEND);
        ledger.recordRelease(Samples.release(3));

        assertThat(ledger.releases()).containsExactly(release, Samples.release(2), Samples.release(3));
        assertThat(ledger.journalStatus().unknownTypes()).isEqualTo(1);
        assertThat(ledger.journalStatus().records()).isEqualTo(3);
        assertThat(ledger.journalStatus().tornTail()).isEmpty();
    }

    @Test
    void aQuerySeesWhatOtherLedgersAppendedAndRereadsAJournalThatWasReplaced() throws Exception {
        Ledger reader = Ledger.open(dir);
        Ledger writer = Ledger.open(dir);
        assertThat(reader.releases()).isEmpty();
        writer.recordRelease(Samples.release(1));
        assertThat(reader.releases()).containsExactly(Samples.release(1));
        writer.recordRelease(Samples.release(2));
        assertThat(reader.releases()).containsExactly(Samples.release(1), Samples.release(2));

        Files.move(dir.resolve("journal.jsonl"), dir.resolve("journal.old"));
        writer.recordRelease(Samples.release(3));
        assertThat(reader.releases()).containsExactly(Samples.release(3));
    }
}
