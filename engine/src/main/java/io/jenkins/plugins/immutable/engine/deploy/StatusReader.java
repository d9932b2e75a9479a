package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.platform.Platform;
import io.jenkins.plugins.immutable.engine.ledger.Intent;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.strategy.CanaryHistory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The environment as the ledger records it, checked against what HAProxy and the Docker daemon report. Reads only:
 * disagreements become notes, and the next command that changes the environment repairs them.
 */
final class StatusReader {

    private final Ledger ledger;
    private final Platform docker;
    private final HaproxyRouter router;
    private final Clock clock;
    private final HealthCheck health;

    StatusReader(Ledger ledger, Platform docker, HaproxyRouter router, Clock clock, HealthCheck health) {
        this.ledger = ledger;
        this.docker = docker;
        this.router = router;
        this.clock = clock;
        this.health = health;
    }

    /** The environment as the target shows it (the ledger's record corrected, not saved), with notes on what differs. */
    EnvironmentView read(EnvironmentState recorded) throws ReleaseException {
        List<String> notes = new ArrayList<>();
        EnvironmentState state = fromTarget(recorded, notes);
        Optional<Intent> pending = ledger.latestIntent(state.name()).filter(i -> !i.finished());
        pending.ifPresent(i -> notes.add("An interrupted " + i.operation().name().toLowerCase(java.util.Locale.ROOT) + " ("
                + i.phase() + ", started " + i.at() + ") will be finished or undone by the next command on this environment."));
        String live = routerLive(state, notes);
        boolean split = canaryNote(state, notes);
        checkContainers(state, notes);
        state.inState(DeploymentState.WARM).ifPresent(warm -> {
            if (Retirement.isDue(warm, state.settings().keepPrevious(), clock.instant())) {
                notes.add(warm.colour().label() + " (" + warm.releaseId() + ") has been warm longer than keepPrevious; the next"
                        + " command retires it.");
            }
        });
        return state.view(null, live, notes).withCanary(CanaryHistory.latest(ledger.history(state.name()), split).orElse(null));
    }

    private EnvironmentState fromTarget(EnvironmentState recorded, List<String> notes) throws ReleaseException {
        TargetView view;
        try {
            view = TargetSync.read(recorded.name(), recorded.settings().app(), docker, router.state());
        } catch (ComponentUnreachableException e) {
            notes.add("Could not read the target, so this is the ledger's record: " + e.getMessage());
            return recorded;
        }
        TargetView.Correction correction = view.correct(recorded, clock.instant());
        if (!correction.changes().isEmpty()) {
            notes.add("Disagreement: this ledger is behind the target (" + String.join("; ", correction.changes())
                    + "); shown as the target is. The next command on this environment records it.");
        }
        for (var colour : io.jenkins.plugins.immutable.engine.api.Colour.values()) {
            view.foreign(colour).ifPresent(c -> notes.add("Disagreement: container " + c.name() + " was not started by the"
                    + " engine (it lacks the engine's labels); run 'immutable drift --env " + recorded.name() + "'."));
        }
        Optional<Slot> active = correction.state().active();
        if (active.isPresent()) {
            for (io.jenkins.plugins.immutable.engine.api.Endpoint endpoint : active.get().endpoints()) {
                String answer = health.probeOnce(endpoint, recorded.settings().healthPath());
                if (!answer.startsWith("HTTP 2")) {
                    notes.add("WARNING: the live colour " + active.get().colour().label() + " (" + active.get().releaseId()
                            + ") does not answer its health check: GET " + recorded.settings().healthPath() + " on "
                            + endpoint + " gave " + answer + ". Roll back or deploy a fix.");
                }
            }
            if (active.get().endpoints().isEmpty()) {
                notes.add("WARNING: the live colour " + active.get().colour().label() + " (" + active.get().releaseId()
                        + ") has no running replica. Roll back or deploy a fix.");
            }
        }
        return correction.state();
    }

    private String routerLive(EnvironmentState state, List<String> notes) throws ReleaseException {
        RouterState routerState;
        try {
            routerState = router.state();
        } catch (ComponentUnreachableException e) {
            notes.add("Router not reachable: " + e.getMessage());
            return null;
        }
        String live = Session.describe(routerState);
        Optional<Slot> active = state.active();
        if (active.isPresent()) {
            Slot a = active.get();
            boolean agrees = routerState.live().equals(Set.of(a.colour())) && routerState.routesExactly(a.colour(), a.endpoints());
            if (!agrees) {
                notes.add("Disagreement: the ledger records " + a.colour().label() + " (" + a.releaseId() + ", "
                        + (a.endpoints().size() == 1 ? a.endpoints().get(0) : a.endpoints()) + ") as live, but HAProxy reports "
                        + routerState.describe() + ".");
            }
        } else if (!routerState.live().isEmpty()) {
            notes.add("Disagreement: no release is recorded live, but HAProxy serves " + live + ".");
        }
        return live;
    }

    /**
     * A canary in progress (weights not the engine's): its share and the latest step from the history.
     *
     * @return whether the router holds a canary split
     */
    private boolean canaryNote(EnvironmentState state, List<String> notes) throws ReleaseException {
        try {
            if (!router.canarySplit()) {
                return false;
            }
            java.util.Map<io.jenkins.plugins.immutable.engine.api.Colour, Integer> weights = router.weights();
            String latest = ledger.history(state.name()).stream()
                    .filter(r -> r.state() == DeploymentState.CANARY).findFirst()
                    .map(r -> "; latest: " + r.releaseId() + " in " + r.colour().label() + ", " + r.detail()).orElse("");
            notes.add("Canary in progress: HAProxy weights blue " + weights.get(io.jenkins.plugins.immutable.engine.api.Colour.BLUE)
                    + ", green " + weights.get(io.jenkins.plugins.immutable.engine.api.Colour.GREEN) + latest
                    + ". 'promote' advances it, 'abort' returns all traffic to the stable colour.");
            return true;
        } catch (ComponentUnreachableException e) {
            return false; // reported by routerLive
        }
    }

    private void checkContainers(EnvironmentState state, List<String> notes) throws ReleaseException {
        for (Slot slot : new Slot[] {state.blue(), state.green()}) {
            if (slot == null || !slot.hasContainer()) {
                continue;
            }
            try {
                Optional<ContainerInfo> info = docker.inspect(slot.container());
                if (info.isEmpty()) {
                    notes.add("Disagreement: " + slot.colour().label() + " (" + slot.state() + ") should run "
                            + (state.settings().onSwarm() ? "service " : "container ") + slot.container() + ", but "
                            + (state.settings().onSwarm() ? "the Swarm" : "the daemon") + " has none.");
                } else if (state.settings().onSwarm()) {
                    // Replicas per colour: how many run of how many wanted, and where.
                    notes.add("Replicas of " + slot.colour().label() + " (" + slot.releaseId() + ", " + slot.state() + "), service "
                            + slot.container() + ": " + io.jenkins.plugins.immutable.engine.platform.SwarmPlatform.describe(info.get())
                            + ".");
                    if (!info.get().running()) {
                        notes.add("Disagreement: service " + slot.container() + " of " + slot.colour().label() + " runs "
                                + info.get().replicaSummary() + " replicas; a deploy restores " + info.get().desired()
                                + " healthy replicas.");
                    }
                    java.util.Set<io.jenkins.plugins.immutable.engine.api.Endpoint> stale = new java.util.TreeSet<>(
                            java.util.Comparator.comparing(Object::toString));
                    router.state().routes(slot.colour()).stream().filter(e -> !info.get().endpoints().contains(e))
                            .forEach(stale::add);
                    if (!stale.isEmpty()) {
                        notes.add("Disagreement: HAProxy sends " + slot.colour().label() + "'s traffic to " + stale + ", where no"
                                + " replica of service " + slot.container() + " runs now (a node was lost, or the Swarm moved a"
                                + " replica); 'immutable drift --env " + state.name() + " --repair' or a deploy restores "
                                + info.get().desired() + " healthy replicas behind the router.");
                    }
                } else if (!info.get().running()) {
                    notes.add("Disagreement: container " + slot.container() + " of " + slot.colour().label() + " (" + slot.state()
                            + ") is not running (exit code " + info.get().exitCode() + ").");
                }
            } catch (ComponentUnreachableException e) {
                notes.add("Docker daemon not reachable: " + e.getMessage());
                return;
            }
        }
    }
}
