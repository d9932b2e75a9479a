package io.jenkins.plugins.immutable.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.docker.DockerJavaGateway;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The environment lock on a real Docker host: one holder at a time, a lease for holders on other hosts. */
class DockerHostLockIT {

    private final DockerGateway docker = DockerJavaGateway.connect(TestServices.get().dockerHost());
    private final String environment = "lock-" + UUID.randomUUID().toString().substring(0, 8);
    private final long me = ProcessHandle.current().pid();

    @AfterEach
    void removeLeftovers() throws ReleaseException {
        for (var c : docker.listLabelled(TargetLabels.ENVIRONMENT, environment)) {
            docker.remove(c.id());
        }
        docker.close();
    }

    @Test
    void aSecondAcquireIsRefusedNamingTheHolderUntilTheFirstIsReleased() throws Exception {
        DockerHostLock first = DockerHostLock.acquire(docker, environment, "deploy", "host-a", me, Duration.ofSeconds(30),
                Clock.systemUTC());
        assertThatThrownBy(() -> DockerHostLock.acquire(docker, environment, "rollback", "host-b", me, Duration.ofSeconds(30),
                Clock.systemUTC()))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("pid " + me + " on host host-a (deploy since");
        first.close();
        assertThat(docker.listLabelled(TargetLabels.ENVIRONMENT, environment)).as("lock and beat removed").isEmpty();
        try (DockerHostLock second = DockerHostLock.acquire(docker, environment, "rollback", "host-b", me, Duration.ofSeconds(30),
                Clock.systemUTC())) {
            assertThat(second.takeoverNote()).isEmpty();
        }
    }

    @Test
    void aHolderOnAnotherHostIsTakenOverOnlyOnceItsLeaseRanOut() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        // Another host holds it with a 30 s lease, last renewed at `start` (its clock stands still, so it never renews).
        DockerHostLock other = DockerHostLock.acquire(docker, environment, "deploy", "other-host", 1, Duration.ofSeconds(30),
                Clock.fixed(start, ZoneOffset.UTC));
        try {
            Clock tenSecondsLater = Clock.fixed(start.plusSeconds(10), ZoneOffset.UTC);
            assertThatThrownBy(() -> DockerHostLock.acquire(docker, environment, "deploy", "this-host", me, Duration.ofSeconds(30),
                    tenSecondsLater))
                    .hasMessageContaining("on host other-host");

            Clock aMinuteLater = Clock.fixed(start.plusSeconds(61), ZoneOffset.UTC);
            try (DockerHostLock taken = DockerHostLock.acquire(docker, environment, "deploy", "this-host", me,
                    Duration.ofSeconds(30), aMinuteLater)) {
                assertThat(taken.takeoverNote()).hasValueSatisfying(n -> assertThat(n)
                        .contains("other-host").contains("has not renewed its lease of 30s"));
            }
        } finally {
            other.close();
        }
    }

    @Test
    void aDeadHolderOnThisHostIsTakenOverAtOnce() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        DockerHostLock dead = DockerHostLock.acquire(docker, environment, "deploy", "this-host", gone.pid(), Duration.ofHours(1),
                Clock.systemUTC());
        try (DockerHostLock taken = DockerHostLock.acquire(docker, environment, "deploy", "this-host", me, Duration.ofSeconds(30),
                Clock.systemUTC())) {
            assertThat(taken.takeoverNote()).hasValueSatisfying(n -> assertThat(n).contains("pid " + gone.pid()).contains("is gone"));
        } finally {
            dead.close();
        }
    }

    @Test
    void theBeatIsRenewedWhileTheHolderWorks() throws Exception {
        try (DockerHostLock held = DockerHostLock.acquire(docker, environment, "deploy", "host-a", me, Duration.ofSeconds(3),
                Clock.systemUTC())) {
            String before = beatName();
            Thread.sleep(2_500);
            assertThat(beatName()).as("renamed with a newer epoch second").isNotEqualTo(before);
            assertThat(held.takeoverNote()).isEmpty();
        }
    }

    private String beatName() throws ReleaseException {
        return docker.listLabelled(TargetLabels.ENVIRONMENT, environment).stream()
                .filter(c -> "beat".equals(c.labels().get(TargetLabels.LOCK))).findFirst().orElseThrow().name();
    }
}
