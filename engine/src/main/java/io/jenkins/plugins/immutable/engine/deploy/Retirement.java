package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.Durations;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.ledger.Intent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The previous colour stays warm for {@code keepPrevious}, so a rollback is a switch. No daemon watches the clock:
 * the next command on the environment retires it once that time has passed.
 */
final class Retirement {

    private Retirement() {
    }

    static void retireIfDue(Session s) throws ReleaseException {
        Optional<Slot> warm = s.state().inState(DeploymentState.WARM);
        if (warm.isPresent() && isDue(warm.get(), s.settings().keepPrevious(), s.now())) {
            retire(s, warm.get(), "warm for longer than keepPrevious (" + Durations.format(s.settings().keepPrevious()) + ")");
        }
    }

    static boolean isDue(Slot warm, Duration keepPrevious, Instant now) {
        return !warm.since().plus(keepPrevious).isAfter(now);
    }

    static void retire(Session s, Slot warm, String why) throws ReleaseException {
        Intent intent = s.begin(Intent.Operation.RETIRE, "remove-container", warm, Map.of("container", warm.container()));
        FaultPoints.reach("retire.before-remove");
        s.removeContainer(warm.colour(), warm.container());
        s.transition(warm, DeploymentState.RETIRED, "retired: " + why);
        s.done(intent);
        s.note("Retired " + warm.colour().label() + " (" + warm.releaseId() + "): " + why + ".");
    }
}
