package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import java.util.List;
import java.util.Optional;

/**
 * An environment as persisted (atomically) in the ledger's state folder: its settings and its two slots. Which colour
 * is active, previous or waiting follows from the slots' states, so it is not stored twice; an operation in flight is
 * recorded as an intent in the journal, not here.
 */
record EnvironmentState(int version, String name, EnvironmentSettings settings, Slot blue, Slot green) {

    static final int VERSION = 1;

    static EnvironmentState fresh(String name, EnvironmentSettings settings) {
        return new EnvironmentState(VERSION, name, settings, null, null);
    }

    Slot slot(Colour colour) {
        return colour == Colour.BLUE ? blue : green;
    }

    EnvironmentState with(Slot slot) {
        return slot.colour() == Colour.BLUE
                ? new EnvironmentState(version, name, settings, slot, green)
                : new EnvironmentState(version, name, settings, blue, slot);
    }

    EnvironmentState withSettings(EnvironmentSettings newSettings) {
        return new EnvironmentState(version, name, newSettings, blue, green);
    }

    Optional<Slot> inState(DeploymentState... states) {
        for (Slot slot : new Slot[] {blue, green}) {
            if (slot != null && List.of(states).contains(slot.state())) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    Optional<Slot> active() {
        return inState(DeploymentState.ACTIVE);
    }

    /** The colour active before the current one: still warm, or retired. */
    Optional<Slot> previous() {
        return inState(DeploymentState.WARM, DeploymentState.RETIRED);
    }

    /** A colour started for a release that has not received traffic yet. */
    Optional<Slot> preview() {
        return inState(DeploymentState.STARTING, DeploymentState.HEALTHY, DeploymentState.CANARY);
    }

    EnvironmentView view(Long switchMillis, String routerLive, List<String> notes) {
        return new EnvironmentView(name, active().map(Slot::view).orElse(null), previous().map(Slot::view).orElse(null),
                preview().map(Slot::view).orElse(null), switchMillis, routerLive, notes);
    }
}
