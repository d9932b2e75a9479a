package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every ledger does, on both real back ends: SQLite in a state folder and a shared PostgreSQL database (the server
 * of {@code scripts/services}; without it the PostgreSQL cases fail saying how to start it).
 */
class LedgerContractTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private final Backends backends = new Backends();
    private final List<Ledger> opened = new ArrayList<>();

    @AfterEach
    void dropDatabases() throws Exception {
        opened.forEach(Ledger::close);
        backends.close();
    }

    private LedgerLocation fresh(Backends.Kind kind) throws Exception {
        return backends.fresh(kind, dir);
    }

    private Ledger open(LedgerLocation location) {
        Ledger ledger = backends.open(location);
        opened.add(ledger);
        return ledger;
    }

    // ---- records -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void releasesRoundTripWithEveryFieldAndWithOnlyTheRequiredOnes(Backends.Kind kind) throws Exception {
        LedgerLocation at = fresh(kind);
        Release full = Samples.release(1);
        Digest adopted = Samples.digest("adopted");
        Release minimal = new Release(Release.idFor(adopted), "shop", new ImageRef(Samples.REPOSITORY, adopted), null, null, null,
                Samples.T0, "cli@host");
        Ledger ledger = open(at);
        assertThat(ledger.releases()).isEmpty();

        ledger.recordRelease(full);
        ledger.recordRelease(minimal);

        Ledger reopened = open(at);
        assertThat(reopened.releases()).containsExactly(full, minimal);
        assertThat(reopened.release(full.id())).contains(full);
        assertThat(reopened.release(minimal.id())).contains(minimal);
        assertThat(reopened.release("rel-000000000000")).isEmpty();
        List<Release> streamed = new ArrayList<>();
        reopened.forEachRelease(streamed::add);
        assertThat(streamed).containsExactly(full, minimal);
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void deploymentsRoundTripAsEachEnvironmentsHistoryNewestFirst(Backends.Kind kind) throws Exception {
        LedgerLocation at = fresh(kind);
        Ledger ledger = open(at);
        DeploymentRecord starting = Samples.deployment("staging", 1, DeploymentState.STARTING);
        DeploymentRecord elsewhere = Samples.deployment("production", 1, DeploymentState.STARTING);
        DeploymentRecord active = Samples.deployment("staging", 1, DeploymentState.ACTIVE);
        DeploymentRecord withoutDetail = new DeploymentRecord(Samples.T0, "staging", Colour.GREEN, "rel-1", Samples.release(2).ref(),
                DeploymentState.ABORTED, null);
        for (DeploymentRecord record : List.of(starting, elsewhere, active, withoutDetail)) {
            ledger.recordDeployment(record);
        }

        Ledger reopened = open(at);
        assertThat(reopened.history("staging")).containsExactly(withoutDetail, active, starting);
        assertThat(reopened.history("production")).containsExactly(elsewhere);
        assertThat(reopened.history("qa")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void intentsRoundTripAndTheLatestOfEachEnvironmentIsKept(Backends.Kind kind) throws Exception {
        LedgerLocation at = fresh(kind);
        Ledger ledger = open(at);
        Release release = Samples.release(3);
        Intent begun = Intent.begin("staging", Intent.Operation.DEPLOY, "start-container", Colour.GREEN, release.id(), release.ref(),
                Map.of("container", "shop-staging-green", "previous", "blue"), Samples.T0);
        Intent switching = begun.next("switch-router", Map.of("port", "32768"), Samples.T0.plusSeconds(5));
        Intent bare = new Intent("op-2", "production", Intent.Operation.ABORT, "remove-container", null, null, null, null,
                Samples.T0.plusSeconds(6));
        ledger.recordIntent(begun);
        ledger.recordIntent(switching);
        ledger.recordIntent(bare);

        Ledger reopened = open(at);
        assertThat(reopened.latestIntent("staging")).contains(switching);
        assertThat(reopened.latestIntent("production")).contains(bare);
        assertThat(reopened.latestIntents().keySet()).containsExactly("staging", "production");
        assertThat(reopened.latestIntent("staging").orElseThrow().finished()).isFalse();

        ledger.recordIntent(switching.done(Samples.T0.plusSeconds(9)));
        assertThat(reopened.latestIntent("staging").orElseThrow().finished()).isTrue();
        assertThat(reopened.latestIntent("staging").orElseThrow().id()).isEqualTo(begun.id());
        assertThat(reopened.latestIntents().keySet()).as("in the order of each one's latest intent").containsExactly("production", "staging");
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void findsReleasesByImageDigestAndByInputDigestNewestFirstAndUpdatesARecordedOneInPlace(Backends.Kind kind) throws Exception {
        Ledger ledger = open(fresh(kind));
        Release first = Samples.release("x", 1, 2);
        Release other = Samples.release("x", 2, 2);
        Release sameInputs = Samples.release("x", 3, 2);
        Release adoptedFirst = new Release(first.id(), "shop", first.ref(), null, null, null, Samples.T0, "cli@a");
        for (Release release : List.of(adoptedFirst, other, sameInputs, first)) {
            ledger.recordRelease(release);
        }

        assertThat(ledger.releases()).as("recorded again, updated where it stood").containsExactly(first, other, sameInputs);
        assertThat(ledger.releasesByInputDigest(first.inputDigest())).containsExactly(sameInputs, first);
        assertThat(ledger.releasesByInputDigest(other.inputDigest())).containsExactly(other);
        assertThat(ledger.releasesByInputDigest(Samples.digest("nothing"))).isEmpty();
        assertThat(ledger.releaseByDigest(other.digest())).contains(other);
        assertThat(ledger.releaseByDigest(Samples.digest("nothing"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void statesAndProvenanceRoundTripAndAreReplacedWhole(Backends.Kind kind) throws Exception {
        LedgerLocation at = fresh(kind);
        Ledger ledger = open(at);
        assertThat(ledger.readState("staging", LedgerChildMain.Payload.class)).isEmpty();
        assertThat(ledger.environments()).isEmpty();

        ledger.writeState("staging", LedgerChildMain.Payload.of(1));
        ledger.writeState("qa", Map.of("a", 1));
        ledger.writeState("staging", LedgerChildMain.Payload.of(2));
        String statement = "{\n  \"_type\" : \"https://in-toto.io/Statement/v1\", \"ü\": \"\\u00fc\"\n}\n";
        ledger.writeProvenance(Samples.release(1).id(), statement);

        Ledger reopened = open(at);
        assertThat(reopened.readState("staging", LedgerChildMain.Payload.class)).contains(LedgerChildMain.Payload.of(2));
        assertThat(reopened.environments()).containsExactly("qa", "staging");
        assertThat(reopened.readProvenance(Samples.release(1).id())).as("byte for byte").contains(statement);
        assertThat(reopened.readProvenance(Samples.release(2).id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void namesThatCouldEscapeAreRefusedWhateverTheBackEnd(Backends.Kind kind) throws Exception {
        Ledger ledger = open(fresh(kind));
        assertThatThrownBy(() -> ledger.writeState("../x", Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a valid environment name");
        assertThatThrownBy(() -> ledger.writeProvenance("../rel", "{}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a valid release id");
        assertThatThrownBy(() -> ledger.acquire("a/b", "deploy")).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void aQuerySeesWhatOtherLedgersCommitted(Backends.Kind kind) throws Exception {
        LedgerLocation at = fresh(kind);
        Ledger reader = open(at);
        Ledger writer = open(at);
        assertThat(reader.releases()).isEmpty();
        writer.recordRelease(Samples.release(1));
        assertThat(reader.releases()).containsExactly(Samples.release(1));
        writer.recordRelease(Samples.release(2));
        writer.writeState("staging", Map.of("g", 2));
        assertThat(reader.releases()).containsExactly(Samples.release(1), Samples.release(2));
        assertThat(reader.readState("staging", Map.class)).contains(Map.of("g", 2));
    }

    // ---- processes -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void threeProcessesAndTwoThreadsHereWritingAtOnceLoseNothing(Backends.Kind kind) throws Exception {
        LedgerLocation at = fresh(kind);
        int each = 150;
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int c = 0; c < 3; c++) {
                children.add(ChildJvm.start("append", at.text(), "child" + c, Integer.toString(each)));
            }
            for (ChildJvm child : children) {
                child.expect("READY");
            }
            for (ChildJvm child : children) {
                child.send("GO");
            }
            List<CompletableFuture<Void>> here = new ArrayList<>();
            for (String seed : List.of("thread0", "thread1")) {
                Ledger ledger = open(at);
                here.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < each; i++) {
                        try {
                            ledger.recordRelease(Samples.release(seed, i, Integer.MAX_VALUE));
                        } catch (ReleaseException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
            }
            for (ChildJvm child : children) {
                child.expect("DONE");
                assertThat(child.waitFor()).isZero();
            }
            for (CompletableFuture<Void> f : here) {
                f.get();
            }
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }

        List<Release> all = open(at).releases();
        assertThat(all).hasSize(5 * each).doesNotHaveDuplicates();
        for (String writer : List.of("child0", "child1", "child2", "thread0", "thread1")) {
            assertInOrderPerWriter(all, writer, each);
        }
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void writersKilledMidWriteNeverCostAnAcknowledgedRecordNorTheLedgersReadability(Backends.Kind kind) throws Exception {
        LedgerLocation at = fresh(kind);
        Ledger ledger = open(at);
        int acknowledged = 0;
        for (int round = 0; round < 4; round++) {
            List<String> said;
            try (ChildJvm writer = ChildJvm.start("append-forever", at.text(), "round" + round)) {
                writer.expect("APPENDED");
                Thread.sleep(ThreadLocalRandom.current().nextInt(0, 150));
                writer.kill();
                said = writer.said();
            }
            long count = said.stream().filter(line -> line.startsWith("APPENDED ")).count();
            Ledger reopened = open(at);
            List<Release> all = reopened.releases(); // readable, whatever the kill left
            for (int i = 0; i < count; i++) {
                assertThat(all).contains(Samples.release("round" + round, i, Integer.MAX_VALUE));
            }
            // The state is the last one acknowledged or the one after it, and always whole.
            LedgerChildMain.Payload state = reopened.readState("round" + round, LedgerChildMain.Payload.class).orElseThrow();
            assertThat(state.whole()).isTrue();
            assertThat(state.generation()).isBetween(count - 1, count);
            acknowledged += (int) count;
        }
        ledger.recordRelease(Samples.release(1));
        assertThat(ledger.releases().size()).isGreaterThanOrEqualTo(acknowledged + 1);
        System.out.printf("[ledger-kill %s] 4 writers killed; %d acknowledged records all kept%n", kind, acknowledged);
    }

    // ---- environment locks ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void aSecondAcquirerFailsAtOnceNamingTheHolderInThisProcessOrAnother(Backends.Kind kind) throws Exception {
        LedgerLocation at = fresh(kind);
        Ledger ledger = open(at);
        try (EnvironmentLock held = ledger.acquire("staging", "deploy")) {
            assertThat(held.takeoverNote()).isEmpty();
            assertThat(held.holder().pid()).isEqualTo(PID);
            Ledger other = open(at);
            assertThatThrownBy(() -> other.acquire("staging", "rollback"))
                    .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED_SAFELY))
                    .hasMessageContaining("Environment 'staging' is locked by pid " + PID + " on host " + held.holder().host())
                    .hasMessageContaining("(deploy since ")
                    .hasMessageContaining("wait for that operation to finish, or check that process");
            try (ChildJvm child = ChildJvm.start("try-lock", at.text(), "staging", "promote")) {
                assertThat(child.expect("FAILED")).contains("FAILED_SAFELY")
                        .contains("locked by pid " + PID + " on host " + held.holder().host() + " (deploy since ");
            }
            try (EnvironmentLock production = other.acquire("production", "deploy")) {
                assertThat(production.environment()).isEqualTo("production");
            }
        }
        try (ChildJvm child = ChildJvm.start("try-lock", at.text(), "staging", "promote")) {
            assertThat(child.expect("ACQUIRED")).isEqualTo("ACQUIRED ");
        }
    }

    @ParameterizedTest
    @EnumSource(Backends.Kind.class)
    void theLockOfAProcessKilledWhileHoldingItIsTakenOverWithANote(Backends.Kind kind) throws Exception {
        LedgerLocation at = fresh(kind);
        long deadPid;
        try (ChildJvm holder = ChildJvm.start("hold-lock", at.text(), "staging", "deploy")) {
            holder.expect("LOCKED");
            deadPid = holder.pid();
            assertThatThrownBy(() -> open(at).acquire("staging", "deploy"))
                    .hasMessageContaining("locked by pid " + holder.pid() + " on host ");
            holder.kill();
        }

        try (EnvironmentLock lock = open(at).acquire("staging", "rollback")) {
            assertThat(lock.previousHolder().orElseThrow().pid()).isEqualTo(deadPid);
            assertThat(lock.takeoverNote().orElseThrow())
                    .contains("Took over the lock of environment 'staging' from pid " + deadPid)
                    .contains("(deploy since ")
                    .contains("which is gone");
        }
        try (EnvironmentLock lock = open(at).acquire("staging", "deploy")) {
            assertThat(lock.takeoverNote()).as("a clean release leaves nothing to take over").isEmpty();
        }
    }

    /** Each writer's records appear in the order it wrote them. */
    private static void assertInOrderPerWriter(List<Release> all, String seed, int count) {
        List<Release> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(Samples.release(seed, i, Integer.MAX_VALUE));
        }
        Set<Release> mine = new HashSet<>(expected);
        assertThat(all.stream().filter(mine::contains).toList()).isEqualTo(expected);
    }
}
