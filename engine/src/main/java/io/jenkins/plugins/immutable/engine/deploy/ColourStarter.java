package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.StageStarted;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.docker.ContainerSpec;
import io.jenkins.plugins.immutable.engine.ledger.Intent;
import java.util.Map;

/**
 * Starts a release in the idle colour and waits for its health check. On any failure the new container is removed,
 * the slot is marked ABORTED and the router is never touched.
 */
final class ColourStarter {

    private ColourStarter() {
    }

    /** @return the slot, HEALTHY */
    static Slot start(Session s, Release release, Colour colour, Intent.Operation operation) throws ReleaseException {
        String container = s.containerName(colour);
        clearIdleColour(s, colour);
        Slot slot = s.place(new Slot(colour, release.id(), release.ref(), container, 0, DeploymentState.STARTING, s.now()),
                "starting " + release.ref());
        Intent intent = s.begin(operation, "start-container", slot, Map.of("container", container));
        FaultPoints.reach(point(operation, "before-start"));
        s.events().on(new StageStarted("start", release.ref() + " as " + s.what(container) + " on " + s.platform().where()
                + (s.settings().onSwarm() ? " (" + s.settings().replicaCount() + " replicas)" : "")));
        ContainerInfo info;
        try {
            info = s.platform().start(new ContainerSpec(container, release.ref(), s.settings().containerPort(),
                    s.labels(colour, release), s.settings().readOnly(), s.settings().writablePaths()),
                    s.pullCredentials(release.ref()), s.settings().healthTimeout());
        } catch (ReleaseException e) {
            abandonQuietly(s, slot, intent, "could not start: " + e.getMessage());
            throw withTrafficNote(s, e);
        }
        slot = s.place(slot.withEndpoints(info.endpoints()), s.what(container) + " listens on " + String.join(", ",
                info.endpoints().stream().map(Object::toString).toList()));
        FaultPoints.reach(point(operation, "container-started"));
        s.events().on(new StageStarted("health", "GET " + s.settings().healthPath() + " on " + colour.label()
                + (slot.endpoints().size() > 1 ? " (each of " + slot.endpoints().size() + " replicas)" : "")
                + " until 3 answers in a row are 2xx, for up to " + s.settings().healthTimeout().toSeconds() + "s"));
        HealthCheck.Outcome outcome;
        try {
            outcome = s.health().await(colour.label(), container, slot.endpoints(), s.settings().healthPath(),
                    s.settings().healthTimeout(), point(operation, "health-gate"));
        } catch (ReleaseException e) {
            abandonQuietly(s, slot, intent, "health check interrupted: " + e.getMessage());
            throw withTrafficNote(s, e);
        }
        if (!outcome.passed()) {
            abandon(s, slot, intent, "failed its health check: " + outcome.reason());
            throw new ReleaseException(Kind.FAILED_SAFELY, "Release " + release.id() + " failed its health check in "
                    + colour.label() + " of " + s.name() + ": " + outcome.reason() + ". Traffic did not move: " + s.trafficNow()
                    + "; the new " + (s.settings().onSwarm() ? "service" : "container") + " was removed.");
        }
        s.platform().markHealthy(container, s.pullCredentials(release.ref()));
        slot = s.transition(slot, DeploymentState.HEALTHY, "passed its health check");
        FaultPoints.reach(point(operation, "healthy"));
        s.done(intent);
        return slot;
    }

    /**
     * The idle colour may still hold the previous release (warm) or an unpromoted preview: a new release replaces it,
     * so rollback to that one becomes a redeploy of its digest.
     */
    private static void clearIdleColour(Session s, Colour colour) throws ReleaseException {
        if (s.target() != null && s.target().foreign(colour).isPresent()) {
            throw new ReleaseException(Kind.FAILED_SAFELY, "Container " + s.containerName(colour) + " on " + s.platform().where()
                    + " was not started by the engine (it lacks the engine's labels), so it was left as it is and nothing was"
                    + " started in " + colour.label() + ". Remove or rename it, or run 'immutable drift --env " + s.name()
                    + " --repair'. Traffic did not move: " + s.trafficNow() + ".");
        }
        Slot old = s.state().slot(colour);
        if (old == null || !old.hasContainer()) {
            return;
        }
        boolean preview = old.state() == DeploymentState.STARTING || old.state() == DeploymentState.HEALTHY;
        Intent intent = s.begin(Intent.Operation.RETIRE, "remove-container", old, Map.of("container", old.container()));
        s.removeContainer(colour, old.container());
        s.transition(old, preview ? DeploymentState.ABORTED : DeploymentState.RETIRED,
                preview ? "replaced before promotion" : "retired to make room for the next release");
        s.done(intent);
        s.note((preview ? "Discarded the unpromoted " : "Retired the warm ") + colour.label() + " (" + old.releaseId()
                + ") to make room; a rollback to it now redeploys its digest.");
    }

    /**
     * Removes the new colour and records why; the router was never touched. When the container cannot be removed, the
     * intent stays unfinished so that the next command removes it.
     */
    static void abandon(Session s, Slot slot, Intent intent, String why) throws ReleaseException {
        ReleaseException removal = null;
        try {
            s.removeContainer(slot.colour(), slot.container());
        } catch (ReleaseException e) {
            removal = e;
        }
        s.transition(slot, DeploymentState.ABORTED, why);
        if (removal != null) {
            throw removal;
        }
        s.done(intent);
    }

    /**
     * When the daemon itself is gone, the new container cannot be removed now; the intent stays unfinished and the
     * next command removes it. Traffic never moved either way.
     */
    private static void abandonQuietly(Session s, Slot slot, Intent intent, String why) {
        try {
            abandon(s, slot, intent, why);
        } catch (ReleaseException e) {
            s.note("Could not remove " + slot.container() + " now (" + e.getMessage() + "); the next command on " + s.name()
                    + " will.");
        }
    }

    private static ReleaseException withTrafficNote(Session s, ReleaseException e) {
        String message = e.getMessage() + " Traffic did not move: " + s.trafficNow() + ".";
        if (e instanceof ComponentUnreachableException unreachable) {
            return new ComponentUnreachableException(unreachable.component(), unreachable.address(), message, e);
        }
        return new ReleaseException(e.kind(), message, e);
    }

    static String point(Intent.Operation operation, String moment) {
        return operation.name().toLowerCase(java.util.Locale.ROOT) + "." + moment;
    }
}
