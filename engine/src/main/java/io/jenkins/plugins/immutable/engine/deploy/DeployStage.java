package io.jenkins.plugins.immutable.engine.deploy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.docker.DockerEndpoint;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.ledger.EnvironmentLock;
import io.jenkins.plugins.immutable.engine.ledger.HostName;
import io.jenkins.plugins.immutable.engine.platform.DockerHostLock;
import io.jenkins.plugins.immutable.engine.platform.SettingsLabel;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels;
import io.jenkins.plugins.immutable.engine.ledger.Intent;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import io.jenkins.plugins.immutable.engine.registry.DockerConfigAuth;
import io.jenkins.plugins.immutable.engine.registry.RegistryClient;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.HaproxyRuntime;
import io.jenkins.plugins.immutable.engine.router.ServerSlots;
import io.jenkins.plugins.immutable.engine.platform.Platform;
import java.util.List;
import io.jenkins.plugins.immutable.engine.signing.AttestationStore;
import io.jenkins.plugins.immutable.engine.signing.SignatureGate;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Blue/green deploys, promotion, abort and rollback of an environment. Each operation takes the environment's lock
 * (a second one fails at once, naming the holder), reconciles whatever an interrupted operation left, then acts.
 */
public final class DeployStage {

    private final Ledger ledger;
    private final Function<DockerEndpoint, DockerGateway> dockers;
    private final DockerConfigAuth auth;
    private final RegistryClient registry;
    private final EventHandler events;
    private final Clock clock;
    private final DockerEndpoint defaultDocker;

    /**
     * @param dockers       a gateway per Docker host and its TLS
     * @param defaultDocker the engine's Docker host: for new environments that name none, and where environments this
     *                      ledger never heard of are looked for
     */
    public DeployStage(Ledger ledger, Function<DockerEndpoint, DockerGateway> dockers, DockerConfigAuth auth, RegistryClient registry,
            EventHandler events, Clock clock, DockerEndpoint defaultDocker) {
        this.ledger = ledger;
        this.dockers = dockers;
        this.auth = auth;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
        this.defaultDocker = defaultDocker;
    }

    @FunctionalInterface
    private interface Work {
        EnvironmentView run(Session session) throws ReleaseException;
    }

    public EnvironmentView deploy(DeployRequest request) throws ReleaseException {
        return underLock(request.environment(), "deploy", request, request.credentials(), s -> {
            s.save(s.state());
            Release release = releaseFor(s, request.ref());
            signatureGate(s, release, "deploy " + release.id() + " to " + s.name());
            Optional<Slot> live = s.state().active().filter(a -> a.ref().equals(request.ref()));
            if (live.isPresent()) {
                String startedWith = s.target().labelled(live.get().colour())
                        .map(io.jenkins.plugins.immutable.engine.platform.TargetLabels.LabelledColour::settings).orElse(null);
                String wanted = TargetLabels.fingerprint(s.settings());
                boolean sameSettings = startedWith == null || startedWith.equals(wanted);
                if (sameSettings && TrafficSwitch.stillHealthy(s, live.get())) {
                    s.note(request.ref() + " is already live in " + s.name() + "; nothing to do.");
                    return s.view(null);
                }
                if (!sameSettings) {
                    s.note(request.ref() + " is live in " + s.name() + " but was started with other container settings (port,"
                            + " read-only root or writable paths): deploying it again with the new ones.");
                } else {
                    s.note(request.ref() + " is recorded live in " + s.name() + " but its colour does not answer its health check:"
                        + " deploying it again.");
                }
            }
            Slot started = ColourStarter.start(s, release, s.idleColour(), Intent.Operation.DEPLOY);
            Optional<Slot> stable = s.state().active();
            // A canary runs under manual promotion too: its last share waits for promote (CanaryRun), judged all along.
            if (s.settings().canary() != null && stable.isPresent()) {
                return s.view(canary(s, started, stable.get()));
            }
            if (s.settings().manualPromotion()) {
                s.note(release.id() + " is healthy in " + started.colour().label() + " and waits for promotion; traffic did not"
                        + " move. Promote it, or abort it.");
                return s.view(null);
            }
            return s.view(promoteSlot(s, started, Intent.Operation.DEPLOY));
        });
    }

    public EnvironmentView promote(String environment) throws ReleaseException {
        Optional<EnvironmentView> running = toRunningCanary(environment, "promote");
        if (running.isPresent()) {
            return running.get();
        }
        return underLock(environment, "promote", null, null, s -> {
            Slot preview = s.state().inState(DeploymentState.HEALTHY).orElseThrow(() -> new InvalidInputException("environment",
                    "nothing in '" + s.name() + "' waits for promotion: deploy a release with manual promotion first"));
            return s.view(promoteSlot(s, preview, Intent.Operation.PROMOTE));
        });
    }

    public EnvironmentView abort(String environment) throws ReleaseException {
        Optional<EnvironmentView> running = toRunningCanary(environment, "abort");
        if (running.isPresent()) {
            return running.get();
        }
        return underLock(environment, "abort", null, null, s -> {
            Slot preview = s.state().preview().orElseThrow(() -> new InvalidInputException("environment",
                    "nothing in '" + s.name() + "' waits for promotion, so there is nothing to abort"));
            discard(s, preview, Intent.Operation.ABORT);
            return s.view(null);
        });
    }

    public EnvironmentView rollback(RollbackRequest request) throws ReleaseException {
        // A rollback during a canary is its abort: all traffic back to the stable colour at once.
        Optional<EnvironmentView> running = toRunningCanary(request.environment(), "rollback");
        if (running.isPresent()) {
            return running.get();
        }
        return underLock(request.environment(), "rollback", null, request.credentials(), s -> {
            Optional<Slot> preview = s.state().preview();
            if (preview.isPresent()) {
                discard(s, preview.get(), Intent.Operation.ROLLBACK);
                if (request.toReleaseId() == null && request.toDigest() == null) {
                    return s.view(null);
                }
            }
            RollbackTarget target = RollbackTarget.resolve(s, request);
            signatureGate(s, target.release(), "roll " + s.name() + " back to " + target.release().id());
            Optional<Slot> live = s.state().active().filter(a -> a.releaseId().equals(target.release().id()));
            if (live.isPresent() && TrafficSwitch.stillHealthy(s, live.get())) {
                s.note(target.release().id() + " is already live in " + s.name() + "; nothing to roll back.");
                return s.view(null);
            }
            Slot warm = target.warmSlot();
            if (warm != null && warm.state() == DeploymentState.WARM && TrafficSwitch.stillHealthy(s, warm)) {
                s.note("Rolling back to " + warm.releaseId() + ": its colour " + warm.colour().label()
                        + " is still warm, so this is a router switch; no container is started.");
                return s.view(TrafficSwitch.to(s, warm, Intent.Operation.ROLLBACK));
            }
            if (!registry.serves(target.release().ref(), s.pullCredentials(target.release().ref()))) {
                throw new ReleaseException(Kind.FAILED_SAFELY, "Cannot roll back " + s.name() + " to " + target.release().id()
                        + ": the registry " + target.release().ref().registry() + " no longer serves " + target.release().digest()
                        + ". Traffic did not move: " + s.trafficNow() + ".");
            }
            s.note("Rolling back to " + target.release().id() + ": its colour is no longer warm, so its digest is deployed again.");
            Slot started = ColourStarter.start(s, target.release(), s.idleColour(), Intent.Operation.ROLLBACK);
            return s.view(promoteSlot(s, started, Intent.Operation.ROLLBACK));
        });
    }

    /**
     * Replaces each drifted colour by a fresh container from the same recorded digest, through the normal health-gated
     * path; never patches one, never keeps a drifted one warm. A live colour is replaced through the idle one: the
     * fresh container starts there, passes its health gate, takes the traffic, and only then is the drifted container
     * removed. A warm or waiting colour is removed and started again in place. A container under one of the
     * environment's names that the engine did not start is removed when the router sends it no traffic.
     */
    public EnvironmentView repair(String environment, java.util.Set<Colour> drifted, RegistryCredentials credentials)
            throws ReleaseException {
        return underLock(environment, "repair", null, credentials, s -> {
            Long switchMillis = null;
            for (Colour colour : drifted) {
                Optional<io.jenkins.plugins.immutable.engine.docker.ContainerInfo> foreign = s.target().foreign(colour);
                if (foreign.isPresent()) {
                    s.removeContainer(colour, foreign.get().name());
                    s.note("Removed " + foreign.get().name() + ", which the engine did not start; the router sends it no traffic.");
                    continue;
                }
                Slot slot = s.state().slot(colour);
                if (slot == null || !slot.hasContainer()) {
                    continue;
                }
                Release release = releaseFor(s, slot.ref());
                // Live as the router says: a live server pointed elsewhere still makes this the colour to move away from.
                if (slot.state() == DeploymentState.ACTIVE || s.router().state().server(colour).receivesNewRequests()) {
                    Slot fresh = ColourStarter.start(s, release, colour.other(), Intent.Operation.REPAIR);
                    switchMillis = promoteSlot(s, fresh, Intent.Operation.REPAIR);
                    Slot old = s.state().slot(colour);
                    if (old.hasContainer()) {
                        Retirement.retire(s, old, "drifted; replaced by a fresh container of the same digest in "
                                + colour.other().label());
                    }
                    s.note("Repaired " + colour.label() + " (" + release.id() + "): a fresh container of the same digest in "
                            + colour.other().label() + " passed its health gate and took the traffic; the drifted one was removed.");
                } else {
                    DeploymentState was = slot.state();
                    Slot fresh = ColourStarter.start(s, release, colour, Intent.Operation.REPAIR);
                    if (was == DeploymentState.WARM) {
                        s.transition(fresh, DeploymentState.WARM, "repaired: a fresh container of the same digest, kept warm");
                    }
                    s.note("Repaired " + colour.label() + " (" + release.id() + "): the drifted container was replaced by a fresh one"
                            + " of the same digest that passed its health gate; traffic did not move.");
                }
            }
            return s.view(switchMillis);
        });
    }

    public EnvironmentView status(String environment) throws ReleaseException {
        EnvironmentState state = stored(environment);
        Platform platform = platform(state.settings());
        return new StatusReader(ledger, platform, router(state.settings()), clock, new HealthCheck(platform, events, clock))
                .read(state);
    }

    /** The environment's signature policy, checked before anything starts or switches (the logic is in {@code signing}). */
    private void signatureGate(Session s, Release release, String operation) throws ReleaseException {
        String verified = new SignatureGate(new AttestationStore(registry)).require(s.settings(), release.ref(),
                s.pullCredentials(release.ref()), operation, s.trafficNow());
        if (verified != null) {
            s.note(verified);
        }
    }

    private long promoteSlot(Session s, Slot slot, Intent.Operation operation) throws ReleaseException {
        if (!TrafficSwitch.stillHealthy(s, slot)) {
            discard(s, slot, operation);
            throw new ReleaseException(Kind.FAILED_SAFELY, slot.releaseId() + " in " + slot.colour().label() + " of " + s.name()
                    + " stopped answering its health check before the switch. Traffic did not move: " + s.trafficNow()
                    + "; its container was removed.");
        }
        return TrafficSwitch.to(s, slot, operation);
    }

    private long canary(Session s, Slot started, Slot stable) throws ReleaseException {
        if (!TrafficSwitch.stillHealthy(s, started)) {
            return promoteSlot(s, started, Intent.Operation.DEPLOY);
        }
        s.note("Canary: " + started.releaseId() + " in " + started.colour().label() + " beside " + stable.releaseId() + " in "
                + stable.colour().label() + ", steps " + io.jenkins.plugins.immutable.engine.api.CanarySettings.describeSteps(
                        s.settings().canary().steps()) + ", every " + io.jenkins.plugins.immutable.engine.api.Durations.format(
                        s.settings().canary().interval()) + ".");
        return CanaryRun.run(s, started, stable);
    }

    /**
     * When a canary split is on the router (both colours live, weights that are shares adding up to 100), {@code promote} asks the
     * running canary to advance and {@code abort} or {@code rollback} take the canary out of the router at once, without
     * waiting for the lock its deploy holds. Then, if no operation holds the lock (the deploy died), the leftovers are
     * cleaned up under it; else the running deploy removes the canary and ends.
     *
     * @return the environment afterwards, or empty when no canary split is on the router
     */
    private Optional<EnvironmentView> toRunningCanary(String environment, String operation) throws ReleaseException {
        EnvironmentState state = stored(environment);
        HaproxyRouter router = router(state.settings());
        if (!router.canarySplit()) {
            return Optional.empty();
        }
        DockerGateway docker = dockers.apply(DockerEndpoint.of(state.settings()));
        TargetView target = TargetSync.read(environment, state.settings().app(), platform(state.settings()), router.state());
        Colour canary = CanaryRun.newer(target);
        if (operation.equals("promote")) {
            docker.createLockObject(CanaryRun.promoteSignal(environment), Map.of(TargetLabels.ENVIRONMENT, environment));
            events.on(new io.jenkins.plugins.immutable.engine.api.EngineEvent.Notice("Asked the canary in " + canary.label()
                    + " of " + environment + " to advance: past its pause, or else to 100%."));
            return Optional.of(status(environment));
        }
        router.endSplitTowardsStable(canary, TrafficSwitch.DRAIN_TIMEOUT);
        events.on(new io.jenkins.plugins.immutable.engine.api.EngineEvent.Notice("Aborted the canary in " + canary.label() + " of "
                + environment + " (" + operation + "): all new requests go to " + canary.other().label() + " again."));
        try {
            return Optional.of(underLock(environment, operation, null, null, s -> {
                Optional<Slot> preview = s.state().preview();
                if (preview.isPresent()) {
                    discard(s, preview.get(), Intent.Operation.ABORT);
                }
                return s.view(null);
            }));
        } catch (ReleaseException e) {
            if (e.kind() != Kind.FAILED_SAFELY || !e.getMessage().contains("is locked")) {
                throw e;
            }
            events.on(new io.jenkins.plugins.immutable.engine.api.EngineEvent.Notice("The deploy running the canary holds the"
                    + " lock of " + environment + "; it removes the canary's container and ends (exit 4)."));
            return Optional.of(status(environment));
        }
    }

    private static void discard(Session s, Slot preview, Intent.Operation operation) throws ReleaseException {
        Intent intent = s.begin(operation, "remove-container", preview, Map.of("container", preview.container()));
        FaultPoints.reach(ColourStarter.point(operation, "before-remove"));
        ColourStarter.abandon(s, preview, intent, "discarded before promotion");
        s.note("Discarded " + preview.releaseId() + " from " + preview.colour().label() + " before promotion; traffic never moved: "
                + s.trafficNow() + ".");
    }

    private EnvironmentView underLock(String environment, String operation, DeployRequest deploy, RegistryCredentials credentials,
            Work work) throws ReleaseException {
        // The local file lock is a fast path between processes sharing this state folder; the lock on the target is the
        // one every machine sees.
        try (EnvironmentLock lock = ledger.acquire(environment, operation)) {
            EnvironmentState state = deploy == null ? stored(environment) : forDeploy(deploy);
            Platform platform = platform(state.settings());
            try (DockerHostLock targetLock = platform.lock(environment, operation, HostName.get(),
                    ProcessHandle.current().pid(), DockerHostLock.DEFAULT_LEASE, clock)) {
                Session session = new Session(state, ledger, platform, router(state.settings()), events, clock,
                        ref -> auth.resolve(ref.registry(), credentials));
                lock.takeoverNote().ifPresent(session::note);
                targetLock.takeoverNote().ifPresent(session::note);
            // New settings are saved with the first change, after the router and the daemon answered: a deploy given a
            // wrong socket must not leave the environment pointing at it.
                Reconciler.reconcile(session);
                return work.run(session);
            }
        }
    }

    private EnvironmentState forDeploy(DeployRequest request) throws ReleaseException {
        Optional<EnvironmentState> stored = ledger.readState(request.environment(), EnvironmentState.class);
        EnvironmentSettings settings = SettingsResolver.resolve(request.environment(), stored.map(EnvironmentState::settings).orElse(null),
                request.overrides(), request.ref(), defaultDocker);
        if (stored.isPresent() && !stored.get().settings().app().equals(settings.app())
                && (stored.get().blue() != null || stored.get().green() != null)) {
            throw new InvalidInputException("app", "'" + settings.app() + "' differs from '" + stored.get().settings().app()
                    + "', which environment '" + request.environment() + "' runs: expected the same app, or another environment");
        }
        return stored.map(s -> s.withSettings(settings)).orElseGet(() -> EnvironmentState.fresh(request.environment(), settings));
    }

    /**
     * The environment as this ledger stored it or, when this ledger never heard of it, as the target shows it: the
     * settings label of its newest container on the engine's Docker host. A new agent needs only the name.
     */
    private EnvironmentState stored(String environment) throws ReleaseException {
        Optional<EnvironmentState> recorded = ledger.readState(environment, EnvironmentState.class);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        DockerGateway docker = dockers.apply(defaultDocker);
        List<io.jenkins.plugins.immutable.engine.docker.ContainerInfo> labelled = new java.util.ArrayList<>(
                docker.listLabelled(TargetLabels.ENVIRONMENT, environment));
        if (labelled.isEmpty() && docker.swarm().isPresent()) {
            // Not on the host's containers: perhaps services of a Swarm this host manages.
            labelled.addAll(swarmServices(docker, environment));
        }
        Optional<EnvironmentSettings> found = labelled.stream()
                .filter(c -> TargetLabels.read(c.labels()).isPresent())
                .max(java.util.Comparator.comparing(c -> TargetLabels.read(c.labels()).get().startedAt(),
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .flatMap(c -> SettingsLabel.decode(c.labels().get(SettingsLabel.KEY), docker.host()))
                .map(settings -> settings.withDockerTls(defaultDocker.tlsVerify(), defaultDocker.certPath()));
        if (found.isEmpty()) {
            throw new InvalidInputException("environment", "no environment '" + environment + "' in " + ledger.stateDir()
                    + " or on the Docker host " + docker.host() + ": expected one a deploy created (deploy to it first)");
        }
        events.on(new io.jenkins.plugins.immutable.engine.api.EngineEvent.Notice("Environment '" + environment + "' is not in "
                + ledger.stateDir() + ": read its settings from its containers on " + docker.host() + "."));
        return EnvironmentState.fresh(environment, found.get());
    }

    /** The services labelled with the environment, or none when the host is no Swarm manager. */
    private static List<io.jenkins.plugins.immutable.engine.docker.ContainerInfo> swarmServices(DockerGateway docker, String environment) {
        try {
            return docker.swarm().get().listServices(TargetLabels.ENVIRONMENT, environment);
        } catch (ReleaseException e) {
            return List.of();
        }
    }

    /** The release recorded for a digest, or a new record adopting an image built elsewhere. */
    private Release releaseFor(Session s, ImageRef ref) throws ReleaseException {
        Optional<Release> recorded = ledger.releaseByDigest(ref.digest());
        if (recorded.isPresent()) {
            Release r = recorded.get();
            return new Release(r.id(), r.app(), ref, r.inputDigest(), r.sourceUri(), r.sourceRevision(), r.created(), r.builderId());
        }
        Release adopted = new Release(Release.idFor(ref.digest()), s.settings().app(), ref, null, null, null, s.now(),
                "adopted by a deploy to " + s.name());
        ledger.recordRelease(adopted).ifPresent(s::note);
        s.note("Recorded " + adopted.id() + " for " + ref + ", which was not built here.");
        return adopted;
    }

    private HaproxyRouter router(EnvironmentSettings settings) {
        return new HaproxyRouter(new HaproxyRuntime(settings.router()), settings.haproxyBackend(), events,
                ServerSlots.of(settings));
    }

    /** Where the environment's colours run: its Docker host, or the Swarm that host manages. */
    private Platform platform(EnvironmentSettings settings) throws ReleaseException {
        return Platform.of(settings, dockers.apply(DockerEndpoint.of(settings)));
    }

    // settings() and recordedActive() let the drift package read an environment.

    /** The settings stored with an environment. */
    public EnvironmentSettings settings(String environment) throws ReleaseException {
        return stored(environment).settings();
    }

    /** The colour the ledger records live, if any: the drift check's tie-breaker when the router serves none or both. */
    public Optional<Colour> recordedActive(String environment) throws ReleaseException {
        return stored(environment).active().map(Slot::colour);
    }
}
