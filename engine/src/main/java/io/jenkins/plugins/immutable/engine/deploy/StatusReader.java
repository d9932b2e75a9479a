package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.ledger.Intent;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.RouterState;
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
    private final DockerGateway docker;
    private final HaproxyRouter router;
    private final Clock clock;

    StatusReader(Ledger ledger, DockerGateway docker, HaproxyRouter router, Clock clock) {
        this.ledger = ledger;
        this.docker = docker;
        this.router = router;
        this.clock = clock;
    }

    EnvironmentView read(EnvironmentState state) throws ReleaseException {
        List<String> notes = new ArrayList<>();
        Optional<Intent> pending = ledger.latestIntent(state.name()).filter(i -> !i.finished());
        pending.ifPresent(i -> notes.add("An interrupted " + i.operation().name().toLowerCase(java.util.Locale.ROOT) + " ("
                + i.phase() + ", started " + i.at() + ") will be finished or undone by the next command on this environment."));
        String live = routerLive(state, notes);
        checkContainers(state, notes);
        state.inState(DeploymentState.WARM).ifPresent(warm -> {
            if (Retirement.isDue(warm, state.settings().keepPrevious(), clock.instant())) {
                notes.add(warm.colour().label() + " (" + warm.releaseId() + ") has been warm longer than keepPrevious; the next"
                        + " command retires it.");
            }
        });
        return state.view(null, live, notes);
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
            boolean agrees = routerState.live().equals(Set.of(a.colour())) && routerState.server(a.colour()).pointsAt(a.hostPort());
            if (!agrees) {
                notes.add("Disagreement: the ledger records " + a.colour().label() + " (" + a.releaseId() + ", 127.0.0.1:"
                        + a.hostPort() + ") as live, but HAProxy reports " + routerState.describe() + ".");
            }
        } else if (!routerState.live().isEmpty()) {
            notes.add("Disagreement: no release is recorded live, but HAProxy serves " + live + ".");
        }
        return live;
    }

    private void checkContainers(EnvironmentState state, List<String> notes) throws ReleaseException {
        for (Slot slot : new Slot[] {state.blue(), state.green()}) {
            if (slot == null || !slot.hasContainer()) {
                continue;
            }
            try {
                Optional<ContainerInfo> info = docker.inspect(slot.container());
                if (info.isEmpty()) {
                    notes.add("Disagreement: " + slot.colour().label() + " (" + slot.state() + ") should run container "
                            + slot.container() + ", but the daemon has none.");
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
