package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.ledger.Intent;
import io.jenkins.plugins.immutable.engine.router.AdminState;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.router.ServerState;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs first in every command that changes an environment. An interrupted operation (its last intent is not done) is
 * finished or undone; then the router is checked against the ledger and set back to the recorded live colour if
 * something moved it; then a previous colour warm for longer than {@code keepPrevious} is retired.
 */
final class Reconciler {

    private Reconciler() {
    }

    static void reconcile(Session s) throws ReleaseException {
        // The target first: a local intent is judged against what is live now, which another machine may have changed.
        TargetSync.sync(s);
        Optional<Intent> pending = s.ledger().latestIntent(s.name()).filter(i -> !i.finished());
        if (pending.isPresent()) {
            Intent intent = pending.get();
            switch (intent.phase()) {
                case "start-container" -> undoStart(s, intent);
                case "switch-router" -> finishOrUndoSwitch(s, intent);
                case "remove-container" -> finishRemoval(s, intent);
                case "canary" -> {
                    // Undone from what the target shows, below: the split is aborted back to the stable colour.
                }
                default -> s.note("Found an interrupted " + describe(intent) + " at an unknown phase; left it as it is.");
            }
            s.done(intent);
        }
        undoStartsFoundOnTarget(s);
        abortCanaryFoundOnTarget(s);
        finishSwitchFoundOnTarget(s);
        routerAgreesWithLedger(s);
        Retirement.retireIfDue(s);
    }

    /** A colour being started never got traffic: remove it. */
    private static void undoStart(Session s, Intent intent) throws ReleaseException {
        Slot slot = s.state().slot(intent.colour());
        if (slot != null && (slot.state() == DeploymentState.ACTIVE || slot.state() == DeploymentState.WARM)) {
            return;
        }
        s.removeContainer(intent.colour(), s.containerName(intent.colour()));
        if (slot != null && slot.state() != DeploymentState.ABORTED) {
            s.transition(slot, DeploymentState.ABORTED, "interrupted while starting; removed");
        }
        s.note("Undid an interrupted " + describe(intent) + ": removed the " + intent.colour().label()
                + " container it had started; traffic never moved.");
    }

    /** The router was being switched: finish when the new colour is healthy, else go back to the old one. */
    private static void finishOrUndoSwitch(Session s, Intent intent) throws ReleaseException {
        Colour to = intent.colour();
        Slot target = s.state().slot(to);
        Optional<Slot> from = Optional.ofNullable(intent.details().get("from")).filter(f -> !f.isEmpty())
                .map(Colour::parse).map(c -> s.state().slot(c));
        if (target != null && TrafficSwitch.stillHealthy(s, target)) {
            s.router().switchTo(to, target.endpoints(), TrafficSwitch.DRAIN_TIMEOUT);
            from.ifPresent(f -> disableQuietly(s, f.colour()));
            if (target.state() != DeploymentState.ACTIVE) {
                s.transition(target, DeploymentState.ACTIVE, "receives the traffic (interrupted switch finished)");
            }
            if (from.isPresent() && from.get().state() == DeploymentState.ACTIVE) {
                s.transition(from.get(), DeploymentState.WARM, "kept warm for an instant rollback");
            }
            s.note("Finished an interrupted " + describe(intent) + ": " + to.label() + " (" + target.releaseId()
                    + ") is healthy and now receives the traffic.");
            return;
        }
        if (from.isPresent() && TrafficSwitch.stillHealthy(s, from.get())) {
            s.router().switchTo(from.get().colour(), from.get().endpoints(), TrafficSwitch.DRAIN_TIMEOUT);
            if (from.get().state() != DeploymentState.ACTIVE) {
                s.transition(from.get(), DeploymentState.ACTIVE, "receives the traffic again (interrupted switch undone)");
            }
            if (target != null) {
                s.removeContainer(target.colour(), target.container());
                s.transition(s.state().slot(to), intent.operation() == Intent.Operation.ROLLBACK ? DeploymentState.RETIRED
                        : DeploymentState.ABORTED, "unhealthy after an interrupted switch; removed");
            }
            s.note("Undid an interrupted " + describe(intent) + ": " + to.label() + " did not answer its health check, so "
                    + from.get().colour().label() + " (" + from.get().releaseId() + ") receives the traffic again.");
            return;
        }
        s.note("WARNING: an interrupted " + describe(intent) + " left no colour that answers its health check; the router"
                + " was left as it is (" + s.routerLive() + "). Deploy a working release or roll back.");
    }

    /**
     * A container the engine started that never passed its health gate and gets no traffic: an operation died while
     * starting it, here or on another machine (the lock says nobody is starting one now). Removed.
     */
    private static void undoStartsFoundOnTarget(Session s) throws ReleaseException {
        for (Colour colour : Colour.values()) {
            Slot slot = s.state().slot(colour);
            if (slot != null && slot.state() == DeploymentState.STARTING) {
                s.removeContainer(colour, slot.container());
                s.transition(slot, DeploymentState.ABORTED, "found on the target, never healthy; removed");
                s.note("Removed " + slot.container() + " (" + slot.releaseId() + "): an interrupted operation started it and it"
                        + " never passed its health gate; traffic never went to it.");
            }
        }
    }

    /**
     * The router sends traffic to both colours' containers (a switch cut short on some machine, or a change from
     * outside): finish towards the newer one if it answers, else the other; the loser goes warm.
     */
    private static void finishSwitchFoundOnTarget(Session s) throws ReleaseException {
        Slot blue = s.state().blue();
        Slot green = s.state().green();
        if (blue == null || green == null || blue.state() != DeploymentState.ACTIVE || green.state() != DeploymentState.ACTIVE) {
            return;
        }
        Slot newer = blue.since().isAfter(green.since()) ? blue : green;
        Slot older = newer == blue ? green : blue;
        Slot winner = TrafficSwitch.stillHealthy(s, newer) ? newer : older;
        Slot loser = winner == newer ? older : newer;
        s.router().switchTo(winner.colour(), winner.endpoints(), TrafficSwitch.DRAIN_TIMEOUT);
        s.transition(loser, DeploymentState.WARM, "the router sent it traffic beside " + winner.colour().label() + "; switched away");
        s.note("HAProxy sent traffic to both colours: finished the switch to " + winner.colour().label() + " ("
                + winner.releaseId() + "); " + loser.colour().label() + " is warm.");
    }

    /**
     * A canary's shares on the router (both colours live, weights adding up to 100), with nobody holding the lock: a
     * canary whose deploy died. Never a lasting split: the canary (the colour whose container started later) is taken out of the router at
     * once and removed, and the stable colour keeps all traffic. Told apart from a switch cut short (both colours ready at
     * the engine's weight, which {@link #finishSwitchFoundOnTarget} finishes towards the newer colour) by the weights.
     */
    private static void abortCanaryFoundOnTarget(Session s) throws ReleaseException {
        Map<Colour, Integer> weights = s.router().weights();
        if (weights.get(Colour.BLUE) + weights.get(Colour.GREEN) != HaproxyRouter.FULL_SHARE) {
            return;
        }
        Slot blue = s.state().blue();
        Slot green = s.state().green();
        if (!s.router().canarySplit() || blue == null || green == null || !blue.hasContainer() || !green.hasContainer()) {
            // A canary's shares with one colour live: an abort cut short after the canary left the router.
            s.router().resetWeights();
            s.note("HAProxy's weights were left at a canary's shares (blue " + weights.get(Colour.BLUE) + ", green "
                    + weights.get(Colour.GREEN) + ") with no canary taking traffic: set them back to " + HaproxyRouter.ENGINE_WEIGHT
                    + ".");
            return;
        }
        Colour canary = CanaryRun.newer(s.target());
        Slot canarySlot = s.state().slot(canary);
        Slot stable = s.state().slot(canary.other());
        s.router().endSplitTowardsStable(canary, TrafficSwitch.DRAIN_TIMEOUT);
        if (!s.router().state().server(canary.other()).receivesNewRequests() && TrafficSwitch.stillHealthy(s, stable)) {
            s.router().switchTo(canary.other(), stable.endpoints(), TrafficSwitch.DRAIN_TIMEOUT);
        }
        s.removeContainer(canary, canarySlot.container());
        s.transition(canarySlot, DeploymentState.ABORTED, "canary found unfinished on the target (no operation held the lock);"
                + " aborted back to " + canary.other().label() + " and removed");
        if (stable.state() != DeploymentState.ACTIVE) {
            s.transition(stable, DeploymentState.ACTIVE, "the stable colour of an aborted canary: receives all traffic");
        }
        s.note("Found a canary left split on HAProxy (blue " + weights.get(Colour.BLUE) + ", green " + weights.get(Colour.GREEN)
                + ") with no operation holding the lock: aborted it back to the stable colour " + canary.other().label() + " ("
                + stable.releaseId() + "), which now receives all traffic; the canary " + canarySlot.releaseId() + " in "
                + canary.label() + " was removed.");
    }

    private static void finishRemoval(Session s, Intent intent) throws ReleaseException {
        Slot slot = s.state().slot(intent.colour());
        s.removeContainer(intent.colour(), intent.details().getOrDefault("container", s.containerName(intent.colour())));
        if (slot != null && slot.hasContainer() && slot.state() != DeploymentState.ACTIVE) {
            DeploymentState end = intent.operation() == Intent.Operation.ABORT || slot.state() == DeploymentState.STARTING
                    || slot.state() == DeploymentState.HEALTHY ? DeploymentState.ABORTED : DeploymentState.RETIRED;
            s.transition(slot, end, "removed (interrupted removal finished)");
        }
        s.note("Finished an interrupted " + describe(intent) + ": the " + intent.colour().label() + " container is removed.");
    }

    /** HAProxy must serve exactly the colour the ledger records as active, at its port. */
    private static void routerAgreesWithLedger(Session s) throws ReleaseException {
        Optional<Slot> active = s.state().active();
        RouterState router = s.router().state();
        if (active.isEmpty()) {
            if (!router.live().isEmpty()) {
                s.note("HAProxy serves " + Session.describe(router) + " although no release is recorded live here; left as it is.");
            }
            return;
        }
        Slot live = active.get();
        ServerState server = router.server(live.colour());
        if (router.live().equals(Set.of(live.colour())) && router.routesExactly(live.colour(), live.endpoints())) {
            if (router.server(live.colour().other()).admin() == AdminState.DRAIN) {
                // A switch cut short after the cutover: the old colour takes no new requests; finish taking it out.
                disableQuietly(s, live.colour().other());
            }
            return;
        }
        if (TrafficSwitch.stillHealthy(s, live)) {
            if (server.receivesNewRequests() && !router.routesExactly(live.colour(), live.endpoints())) {
                // Moved from outside while live (or, on a Swarm, a replica the Swarm replaced on another node): a switch
                // refuses to re-point a live server, so it is set back in place.
                s.router().repoint(live.colour(), live.endpoints());
            }
            s.router().switchTo(live.colour(), live.endpoints(), TrafficSwitch.DRAIN_TIMEOUT);
            s.note("HAProxy served " + Session.describe(router) + " but " + live.colour().label() + " (" + live.releaseId()
                    + ") is the live release: set the router back to it.");
        } else {
            s.note("WARNING: " + live.colour().label() + " (" + live.releaseId() + ") is recorded live but does not answer its"
                    + " health check, and HAProxy serves " + Session.describe(router) + ". Roll back or deploy a fix.");
        }
    }

    private static void disableQuietly(Session s, Colour colour) {
        try {
            if (s.router().state().server(colour).admin() != AdminState.MAINT) {
                s.router().disable(colour);
            }
        } catch (ReleaseException e) {
            s.note("Could not put " + colour.label() + " in maintenance: " + e.getMessage());
        }
    }

    private static String describe(Intent intent) {
        return intent.operation().name().toLowerCase(java.util.Locale.ROOT) + " (" + intent.phase() + ", "
                + (intent.releaseId() == null ? "" : intent.releaseId() + ", ") + "started " + intent.at() + ")";
    }
}
