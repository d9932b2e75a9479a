package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.StageStarted;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.TrafficSwitched;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.ledger.Intent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Moves traffic to a colour that passed its health check: the router switches (new requests go there at once, the
 * old colour drains), then the ledger records the new colour ACTIVE and the old one WARM.
 */
final class TrafficSwitch {

    /** How long requests in flight on the old colour may take to finish before it is put in maintenance. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private TrafficSwitch() {
    }

    /** One more probe right before the switch: a colour that died since its health check must not get traffic. */
    static boolean stillHealthy(Session s, Slot target) throws ReleaseException {
        return s.health().passesOnce(target.container(), target.endpoints(), s.settings().healthPath());
    }

    /** @return the switch time in milliseconds */
    static long to(Session s, Slot target, Intent.Operation operation) throws ReleaseException {
        Optional<Slot> from = s.state().active();
        Intent intent = s.begin(operation, "switch-router", target,
                Map.of("from", from.map(f -> f.colour().label()).orElse(""), "port", Integer.toString(target.hostPort())));
        s.events().on(new StageStarted("switch", s.name() + ": " + from.map(f -> f.colour().label() + " → ").orElse("")
                + target.colour().label() + " (" + target.releaseId() + ")"));
        FaultPoints.reach(ColourStarter.point(operation, "before-switch"));
        long millis = s.router().switchTo(target.colour(), target.endpoints(), DRAIN_TIMEOUT);
        FaultPoints.reach(ColourStarter.point(operation, "router-switched"));
        s.transition(target, DeploymentState.ACTIVE, "receives the traffic (router switch " + millis + " ms)");
        if (from.isPresent() && stillHealthy(s, from.get())) {
            s.transition(from.get(), DeploymentState.WARM, "kept warm for an instant rollback");
        } else if (from.isPresent()) {
            // A dead colour is no instant rollback: say so now rather than at the rollback.
            s.removeContainer(from.get().colour(), from.get().container());
            s.transition(from.get(), DeploymentState.RETIRED, "retired: it no longer answered its health check");
        }
        s.done(intent);
        s.events().on(new TrafficSwitched(s.name(), from.map(f -> f.colour().label()).orElse(null), target.colour().label(), millis));
        Slot previous = from.map(f -> s.state().slot(f.colour())).orElse(null);
        if (previous != null && previous.state() == DeploymentState.WARM && s.settings().keepPrevious().isZero()) {
            Retirement.retire(s, previous, "keepPrevious is 0");
        } else if (previous != null && previous.state() == DeploymentState.WARM && previous.releaseId().equals(target.releaseId())) {
            // The same release again (new container settings, or a repair): the old container is no rollback target.
            Retirement.retire(s, previous, "the live colour runs the same release with the current settings");
        }
        return millis;
    }
}
