package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.Notice;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.ledger.Intent;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import io.jenkins.plugins.immutable.engine.platform.Platform;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.router.ServerState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation on one environment, under its lock: the environment's state as last saved, the components it runs on,
 * and the notes for the user. Every change is saved atomically and journaled before the next step.
 */
final class Session {

    private final Ledger ledger;
    private final Platform platform;
    private final HaproxyRouter router;
    private final HealthCheck health;
    private final EventHandler events;
    private final Clock clock;
    private final PullCredentials pullCredentials;
    private final List<String> notes = new ArrayList<>();
    private EnvironmentState state;
    private TargetView target;

    Session(EnvironmentState state, Ledger ledger, Platform platform, HaproxyRouter router, EventHandler events, Clock clock,
            PullCredentials pullCredentials) {
        this.state = state;
        this.ledger = ledger;
        this.platform = platform;
        this.router = router;
        this.events = events;
        this.clock = clock;
        this.pullCredentials = pullCredentials;
        this.health = new HealthCheck(platform, events, clock);
    }

    EnvironmentState state() {
        return state;
    }

    String name() {
        return state.name();
    }

    EnvironmentSettings settings() {
        return state.settings();
    }

    /** The daemon itself: the Docker host, or the Swarm manager (for never-started marker objects). */
    DockerGateway docker() {
        return platform.docker();
    }

    /** Where the colours run: one Docker host, or a Swarm. */
    Platform platform() {
        return platform;
    }

    HaproxyRouter router() {
        return router;
    }

    HealthCheck health() {
        return health;
    }

    EventHandler events() {
        return events;
    }

    /** Where registry credentials for pulling an image come from: given with the request, or Docker's config. */
    @FunctionalInterface
    interface PullCredentials {
        RegistryCredentials forImage(ImageRef ref) throws ReleaseException;
    }

    RegistryCredentials pullCredentials(ImageRef ref) throws ReleaseException {
        return pullCredentials.forImage(ref);
    }

    Ledger ledger() {
        return ledger;
    }

    Instant now() {
        return clock.instant();
    }

    String containerName(Colour colour) {
        return settings().app() + "-" + name() + "-" + colour.label();
    }

    /** What the target showed at the start of this operation (see {@link TargetSync}). */
    TargetView target() {
        return target;
    }

    void target(TargetView view) {
        this.target = view;
    }

    /**
     * Where the next release goes: the colour the router does not send traffic to. Read from the ledger's active slot
     * (which follows the target after {@link TargetSync}) and, when none is active, from the router itself.
     */
    Colour idleColour() throws ReleaseException {
        if (state.active().isPresent()) {
            return state.active().get().colour().other();
        }
        Set<Colour> live = router.state().live();
        return live.size() == 1 ? live.iterator().next().other() : Colour.BLUE;
    }

    /**
     * Removes a colour's container, unless the router sends that colour traffic, read right now: whatever any ledger
     * says, what serves traffic is never taken down.
     */
    void removeContainer(Colour colour, String container) throws ReleaseException {
        RouterState routerNow = router.state();
        ServerState server = routerNow.server(colour);
        // A server that takes traffic but points elsewhere (moved behind our back) sends this colour nothing. A stopped
        // or missing container, or a replica without a published port, takes no traffic either.
        List<io.jenkins.plugins.immutable.engine.api.Endpoint> endpoints = platform.inspect(container)
                .map(ContainerInfo::endpoints).orElse(List.of());
        if (routerNow.routesToAny(colour, endpoints)) {
            throw new ReleaseException(ReleaseException.Kind.FAILED_SAFELY, "Refused to remove " + what(container) + " of "
                    + name() + ": HAProxy (" + router.backend() + "/" + colour.label() + ", " + server.address() + ":"
                    + server.port() + ") sends " + colour.label() + " live traffic. Nothing was changed; move the traffic to "
                    + colour.other().label() + " first (deploy or roll back), or check who changed the router.");
        }
        platform.remove(container);
    }

    /** {@code container shop-prod-blue} or {@code service shop-prod-blue}, for messages. */
    String what(String name) {
        return (settings().onSwarm() ? "service " : "container ") + name;
    }

    Map<String, String> labels(Colour colour, Release release) {
        return TargetLabels.forColour(name(), settings(), colour, release, now());
    }

    /** Puts a new slot in place of whatever its colour held: saved, then journaled. */
    Slot place(Slot slot, String detail) throws ReleaseException {
        save(state.with(slot));
        ledger.recordDeployment(new DeploymentRecord(slot.since(), name(), slot.colour(), slot.releaseId(), slot.ref(),
                slot.state(), detail)).ifPresent(this::note);
        return slot;
    }

    void save(EnvironmentState newState) throws ReleaseException {
        ledger.writeState(name(), newState);
        state = newState;
    }

    /** Moves a slot to a new state: saved, then journaled as a step of the environment's history. */
    Slot transition(Slot slot, DeploymentState newState, String detail) throws ReleaseException {
        return place(slot.withState(newState, now()), detail);
    }

    Intent begin(Intent.Operation operation, String phase, Slot slot, Map<String, String> details) throws ReleaseException {
        Intent intent = Intent.begin(name(), operation, phase, slot.colour(), slot.releaseId(), slot.ref(), details, now());
        ledger.recordIntent(intent).ifPresent(this::note);
        return intent;
    }

    Intent next(Intent intent, String phase) throws ReleaseException {
        Intent next = intent.next(phase, Map.of(), now());
        ledger.recordIntent(next);
        return next;
    }

    void done(Intent intent) throws ReleaseException {
        ledger.recordIntent(intent.done(now()));
    }

    void note(String text) {
        notes.add(text);
        events.on(new Notice(text));
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Where traffic is now, for messages that say it did not move. */
    String trafficNow() {
        return state.active().map(a -> "it stays on " + a.colour().label() + " (" + a.releaseId() + ")")
                .orElse("no colour was live before, and none is now");
    }

    /** {@code blue}, {@code green}, {@code none} or {@code both}: what HAProxy serves now. */
    String routerLive() throws ReleaseException {
        return describe(router.state());
    }

    static String describe(RouterState routerState) {
        Set<Colour> live = routerState.live();
        return live.isEmpty() ? "none" : live.size() == 2 ? "both" : live.iterator().next().label();
    }

    EnvironmentView view(Long switchMillis) throws ReleaseException {
        return state.view(switchMillis, routerLive(), notes());
    }
}
