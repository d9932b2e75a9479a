package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels.LabelledColour;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.router.ServerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the target says an environment is: each colour's container as the daemon reports it (with the labels the engine
 * gave it) and what the router sends traffic to. {@link #correct} turns a ledger's cached state into the state the
 * target shows, so that a command run with an empty, stale or foreign ledger acts on what is live, not on what its
 * ledger remembers. Pure: reading the target and saving the result are the caller's.
 */
record TargetView(String environment, Map<Colour, ContainerInfo> containers, RouterState router) {

    /** The result: the corrected state and, for each colour that changed, why. */
    record Correction(EnvironmentState state, List<String> changes) {
    }

    /** A container under one of the environment's names that the engine did not start (its labels are not ours). */
    Optional<ContainerInfo> foreign(Colour colour) {
        ContainerInfo info = containers.get(colour);
        return info == null || labelled(colour).isPresent() ? Optional.empty() : Optional.of(info);
    }

    Optional<LabelledColour> labelled(Colour colour) {
        ContainerInfo info = containers.get(colour);
        return info == null ? Optional.empty() : TargetLabels.read(info.labels())
                .filter(l -> l.environment().equals(environment) && l.colour() == colour);
    }

    /** Whether the router sends new requests to this colour's server. */
    boolean routed(Colour colour) {
        return router.server(colour).receivesNewRequests();
    }

    /** Whether the router sends new requests to this colour's own container (its server points at its port). */
    boolean routedToContainer(Colour colour) {
        ContainerInfo info = containers.get(colour);
        return info != null && router.routesToAny(colour, info.endpoints());
    }

    Correction correct(EnvironmentState recorded, Instant now) {
        Map<Colour, Slot> truth = new EnumMap<>(Colour.class);
        List<String> changes = new ArrayList<>();
        for (Colour colour : Colour.values()) {
            Slot was = recorded.slot(colour);
            Slot is = truthFor(colour, was, now);
            truth.put(colour, is);
            if (!same(was, is)) {
                changes.add(describe(colour, was, is));
            }
        }
        return new Correction(new EnvironmentState(recorded.version(), recorded.name(), recorded.settings(), truth.get(Colour.BLUE),
                truth.get(Colour.GREEN)), changes);
    }

    private Slot truthFor(Colour colour, Slot was, Instant now) {
        Optional<LabelledColour> labels = labelled(colour);
        if (labels.isEmpty()) {
            if (containers.get(colour) != null || routed(colour) || was == null || !was.hasContainer()) {
                // A foreign container, or a routed colour whose container is gone: nothing to correct from labels.
                return was;
            }
            boolean preview = was.state() == DeploymentState.STARTING || was.state() == DeploymentState.HEALTHY;
            return was.withState(preview ? DeploymentState.ABORTED : DeploymentState.RETIRED, now);
        }
        LabelledColour l = labels.get();
        ContainerInfo info = containers.get(colour);
        DeploymentState state = stateOf(colour, info, was, l);
        boolean sameRun = was != null && was.releaseId().equals(l.releaseId()) && samePlace(was, info) && was.hasContainer();
        Instant since = sameRun && was.state() == state ? was.since() : sinceOf(colour, state, l, now);
        return new Slot(colour, l.releaseId(), l.ref(), info.name(), info.hostPort(), state, since, info.endpoints());
    }

    private DeploymentState stateOf(Colour colour, ContainerInfo info, Slot was, LabelledColour l) {
        if (routedToContainer(colour)) {
            return DeploymentState.ACTIVE;
        }
        if (!info.passedHealthGate()) {
            // The engine lets the daemon keep a container running only once it passed its health gate.
            return DeploymentState.STARTING;
        }
        boolean sameRun = was != null && was.releaseId().equals(l.releaseId()) && samePlace(was, info);
        if (sameRun && (was.state() == DeploymentState.HEALTHY || was.state() == DeploymentState.WARM)) {
            return was.state();
        }
        if (sameRun && was.state() == DeploymentState.ACTIVE) {
            // The router moved to the other colour: this one is the previous release. When it serves no colour at all
            // (HAProxy restarted), this stays the live one and the router is set back to it.
            return routed(colour.other()) ? DeploymentState.WARM : DeploymentState.ACTIVE;
        }
        // Unknown to this ledger: a colour started before the live one is the previous release, one started after it
        // waits for promotion.
        Optional<LabelledColour> other = labelled(colour.other());
        boolean olderThanLive = other.isPresent() && routedToContainer(colour.other()) && l.startedAt() != null
                && other.get().startedAt() != null && l.startedAt().isBefore(other.get().startedAt());
        return olderThanLive ? DeploymentState.WARM : DeploymentState.HEALTHY;
    }

    private Instant sinceOf(Colour colour, DeploymentState state, LabelledColour l, Instant now) {
        if (state == DeploymentState.WARM) {
            // It became warm when the other colour went live.
            return labelled(colour.other()).map(LabelledColour::startedAt).orElse(now);
        }
        return l.startedAt() == null ? now : l.startedAt();
    }

    /** The same run of a release: its container's port, or a replica of the service where it ran (others may have moved). */
    private static boolean samePlace(Slot was, ContainerInfo info) {
        return was.hostPort() == info.hostPort() || was.endpoints().stream().anyMatch(info.endpoints()::contains);
    }

    private static boolean same(Slot a, Slot b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.releaseId().equals(b.releaseId()) && a.state() == b.state() && a.hostPort() == b.hostPort()
                && a.endpoints().equals(b.endpoints())
                && a.container().equals(b.container());
    }

    private static String describe(Colour colour, Slot was, Slot is) {
        String before = was == null ? "nothing" : was.releaseId() + " " + was.state();
        String after = is == null ? "nothing" : is.releaseId() + " " + is.state();
        if (was != null && is != null && before.equals(after) && !was.endpoints().equals(is.endpoints())) {
            // Same release and state, its replicas elsewhere: a Swarm replaced a task (a node was lost).
            return colour.label() + ": " + is.releaseId() + "'s replicas moved from " + was.endpoints() + " to " + is.endpoints();
        }
        return colour.label() + ": the ledger had " + before + ", the target shows " + after;
    }
}
