package io.jenkins.plugins.immutable.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentLockTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void aSecondAcquirerInThisProcessFailsAtOnceNamingTheHolder() throws Exception {
        try (EnvironmentLock held = Ledger.open(dir).acquire("staging", "deploy")) {
            assertThat(held.takeoverNote()).isEmpty();
            assertThat(held.holder().pid()).isEqualTo(PID);

            // Another thread, another Ledger on the same folder.
            Throwable failure = CompletableFuture.supplyAsync(() -> {
                try {
                    Ledger.open(dir).acquire("staging", "rollback").close();
                    return null;
                } catch (ReleaseException e) {
                    return e;
                }
            }).get();

            assertThat(failure).isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED_SAFELY))
                    .hasMessageContaining("Environment 'staging' is locked by pid " + PID + " on host " + held.holder().host())
                    .hasMessageContaining("(deploy since ")
                    .hasMessageContaining("another thread of this process")
                    .hasMessageContaining("wait for that operation to finish, or check that process");
            try (EnvironmentLock other = Ledger.open(dir).acquire("production", "deploy")) {
                assertThat(other.environment()).isEqualTo("production");
            }
        }
        try (EnvironmentLock again = Ledger.open(dir).acquire("staging", "rollback")) {
            assertThat(again.takeoverNote()).isEmpty();
        }
    }

    @Test
    void whileThisProcessHoldsTheLockAnotherProcessFailsNamingIt() throws Exception {
        Ledger ledger = Ledger.open(dir);
        try (EnvironmentLock held = ledger.acquire("staging", "deploy")) {
            // A refused attempt here must not release the OS lock (closing a channel on a locked file would).
            assertThatThrownBy(() -> ledger.acquire("staging", "promote")).isInstanceOf(ReleaseException.class);

            for (int attempt = 0; attempt < 2; attempt++) {
                try (ChildJvm child = ChildJvm.start("try-lock", dir.toString(), "staging", "promote")) {
                    assertThat(child.expect("FAILED"))
                            .contains("FAILED_SAFELY")
                            .contains("locked by pid " + PID + " on host " + held.holder().host() + " (deploy since ")
                            .doesNotContain("another thread");
                }
            }
        }
        try (ChildJvm child = ChildJvm.start("try-lock", dir.toString(), "staging", "promote")) {
            assertThat(child.expect("ACQUIRED")).isEqualTo("ACQUIRED ");
        }
    }

    @Test
    void whileAnotherProcessHoldsTheLockThisOneFailsNamingItUntilItIsReleased() throws Exception {
        try (ChildJvm holder = ChildJvm.start("hold-lock", dir.toString(), "staging", "rollback")) {
            holder.expect("LOCKED");

            assertThatThrownBy(() -> Ledger.open(dir).acquire("staging", "deploy"))
                    .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED_SAFELY))
                    .hasMessageContaining("locked by pid " + holder.pid() + " on host ")
                    .hasMessageContaining("(rollback since ")
                    .hasMessageContaining("check that process");

            holder.send("release");
            holder.expect("RELEASED");
        }
        try (EnvironmentLock lock = Ledger.open(dir).acquire("staging", "deploy")) {
            assertThat(lock.takeoverNote()).isEmpty();
        }
    }

    @Test
    void theLockOfAProcessKilledWhileHoldingItIsTakenOverWithANote() throws Exception {
        long deadPid;
        try (ChildJvm holder = ChildJvm.start("hold-lock", dir.toString(), "staging", "deploy")) {
            holder.expect("LOCKED");
            deadPid = holder.pid();
            holder.kill();
        }

        try (EnvironmentLock lock = Ledger.open(dir).acquire("staging", "rollback")) {
            assertThat(lock.previousHolder().orElseThrow().pid()).isEqualTo(deadPid);
            assertThat(lock.previousHolder().orElseThrow().operation()).isEqualTo("deploy");
            assertThat(lock.takeoverNote().orElseThrow())
                    .contains("Took over the lock of environment 'staging' from pid " + deadPid)
                    .contains("(deploy since ")
                    .contains("which is gone");
        }
        try (EnvironmentLock lock = Ledger.open(dir).acquire("staging", "deploy")) {
            assertThat(lock.takeoverNote()).as("a clean release leaves nothing to take over").isEmpty();
        }
    }
}
