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
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.ledger.EnvironmentLock;
import io.jenkins.plugins.immutable.engine.ledger.Intent;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import io.jenkins.plugins.immutable.engine.registry.DockerConfigAuth;
import io.jenkins.plugins.immutable.engine.registry.RegistryClient;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.HaproxyRuntime;
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
    private final Function<String, DockerGateway> dockers;
    private final DockerConfigAuth auth;
    private final RegistryClient registry;
    private final EventHandler events;
    private final Clock clock;
    private final String defaultDockerHost;

    public DeployStage(Ledger ledger, Function<String, DockerGateway> dockers, DockerConfigAuth auth, RegistryClient registry,
            EventHandler events, Clock clock, String defaultDockerHost) {
        this.ledger = ledger;
        this.dockers = dockers;
        this.auth = auth;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
        this.defaultDockerHost = defaultDockerHost;
    }

    @FunctionalInterface
    private interface Work {
        EnvironmentView run(Session session) throws ReleaseException;
    }

    public EnvironmentView deploy(DeployRequest request) throws ReleaseException {
        return underLock(request.environment(), "deploy", request, request.credentials(), s -> {
            s.save(s.state());
            Release release = releaseFor(s, request.ref());
            Optional<Slot> live = s.state().active().filter(a -> a.ref().equals(request.ref()));
            if (live.isPresent()) {
                if (TrafficSwitch.stillHealthy(s, live.get())) {
                    s.note(request.ref() + " is already live in " + s.name() + "; nothing to do.");
                    return s.view(null);
                }
                s.note(request.ref() + " is recorded live in " + s.name() + " but its colour does not answer its health check:"
                        + " deploying it again.");
            }
            Slot started = ColourStarter.start(s, release, s.state().idleColour(), Intent.Operation.DEPLOY);
            if (s.settings().manualPromotion()) {
                s.note(release.id() + " is healthy in " + started.colour().label() + " and waits for promotion; traffic did not"
                        + " move. Promote it, or abort it.");
                return s.view(null);
            }
            return s.view(promoteSlot(s, started, Intent.Operation.DEPLOY));
        });
    }

    public EnvironmentView promote(String environment) throws ReleaseException {
        return underLock(environment, "promote", null, null, s -> {
            Slot preview = s.state().inState(DeploymentState.HEALTHY).orElseThrow(() -> new InvalidInputException("environment",
                    "nothing in '" + s.name() + "' waits for promotion: deploy a release with manual promotion first"));
            return s.view(promoteSlot(s, preview, Intent.Operation.PROMOTE));
        });
    }

    public EnvironmentView abort(String environment) throws ReleaseException {
        return underLock(environment, "abort", null, null, s -> {
            Slot preview = s.state().preview().orElseThrow(() -> new InvalidInputException("environment",
                    "nothing in '" + s.name() + "' waits for promotion, so there is nothing to abort"));
            discard(s, preview, Intent.Operation.ABORT);
            return s.view(null);
        });
    }

    public EnvironmentView rollback(RollbackRequest request) throws ReleaseException {
        return underLock(request.environment(), "rollback", null, request.credentials(), s -> {
            Optional<Slot> preview = s.state().preview();
            if (preview.isPresent()) {
                discard(s, preview.get(), Intent.Operation.ROLLBACK);
                if (request.toReleaseId() == null && request.toDigest() == null) {
                    return s.view(null);
                }
            }
            RollbackTarget target = RollbackTarget.resolve(s, request);
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
            Slot started = ColourStarter.start(s, target.release(), s.state().idleColour(), Intent.Operation.ROLLBACK);
            return s.view(promoteSlot(s, started, Intent.Operation.ROLLBACK));
        });
    }

    public EnvironmentView status(String environment) throws ReleaseException {
        EnvironmentState state = stored(environment);
        return new StatusReader(ledger, dockers.apply(state.settings().dockerHost()), router(state.settings()), clock)
                .read(state);
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

    private static void discard(Session s, Slot preview, Intent.Operation operation) throws ReleaseException {
        Intent intent = s.begin(operation, "remove-container", preview, Map.of("container", preview.container()));
        FaultPoints.reach(ColourStarter.point(operation, "before-remove"));
        ColourStarter.abandon(s, preview, intent, "discarded before promotion");
        s.note("Discarded " + preview.releaseId() + " from " + preview.colour().label() + " before promotion; traffic never moved: "
                + s.trafficNow() + ".");
    }

    private EnvironmentView underLock(String environment, String operation, DeployRequest deploy, RegistryCredentials credentials,
            Work work) throws ReleaseException {
        try (EnvironmentLock lock = ledger.acquire(environment, operation)) {
            EnvironmentState state = deploy == null ? stored(environment) : forDeploy(deploy);
            Session session = new Session(state, ledger, dockers.apply(state.settings().dockerHost()), router(state.settings()),
                    events, clock, ref -> auth.resolve(ref.registry(), credentials));
            lock.takeoverNote().ifPresent(session::note);
            // New settings are saved with the first change, after the router and the daemon answered: a deploy given a
            // wrong socket must not leave the environment pointing at it.
            Reconciler.reconcile(session);
            return work.run(session);
        }
    }

    private EnvironmentState forDeploy(DeployRequest request) throws ReleaseException {
        Optional<EnvironmentState> stored = ledger.readState(request.environment(), EnvironmentState.class);
        EnvironmentSettings settings = SettingsResolver.resolve(request.environment(), stored.map(EnvironmentState::settings).orElse(null),
                request.overrides(), request.ref(), defaultDockerHost);
        if (stored.isPresent() && !stored.get().settings().app().equals(settings.app())
                && (stored.get().blue() != null || stored.get().green() != null)) {
            throw new InvalidInputException("app", "'" + settings.app() + "' differs from '" + stored.get().settings().app()
                    + "', which environment '" + request.environment() + "' runs: expected the same app, or another environment");
        }
        return stored.map(s -> s.withSettings(settings)).orElseGet(() -> EnvironmentState.fresh(request.environment(), settings));
    }

    private EnvironmentState stored(String environment) throws ReleaseException {
        return ledger.readState(environment, EnvironmentState.class).orElseThrow(() -> new InvalidInputException("environment",
                "no environment '" + environment + "' in " + ledger.stateDir() + ": expected one a deploy created (deploy to it first)"));
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
        return new HaproxyRouter(new HaproxyRuntime(settings.haproxySocket()), settings.haproxyBackend(), events);
    }

    // ---- Drift support (branch drift). settings() and recordedActive() let the drift package read an environment;
    // ---- repair() below is a STUB for the lead to replace with the real one from main when merging.

    /** The settings stored with an environment. */
    public EnvironmentSettings settings(String environment) throws ReleaseException {
        return stored(environment).settings();
    }

    /** The colour the ledger records live, if any: the drift check's tie-breaker when the router serves none or both. */
    public Optional<Colour> recordedActive(String environment) throws ReleaseException {
        return stored(environment).active().map(Slot::colour);
    }

    /**
     * STUB (branch drift) — the lead's {@code DeployStage.repair} from main replaces this when merging.
     *
     * <p>Replaces each drifted colour: an idle (warm) one is removed and retired (a drifted container is never kept
     * warm); the live one is replaced by its recorded digest started fresh in the idle colour through the health gate,
     * traffic switches to it, and the drifted container is removed. It does not run the {@link Reconciler} first: a
     * live colour whose router server was re-pointed would make it refuse to switch.
     */
    public EnvironmentView repair(String environment, Set<Colour> colours, RegistryCredentials credentials)
            throws ReleaseException {
        try (EnvironmentLock lock = ledger.acquire(environment, "repair")) {
            EnvironmentState state = stored(environment);
            Session s = new Session(state, ledger, dockers.apply(state.settings().dockerHost()), router(state.settings()),
                    events, clock, ref -> auth.resolve(ref.registry(), credentials));
            Optional<Slot> live = s.state().active();
            for (Colour colour : colours) {
                if (live.isPresent() && live.get().colour() == colour) {
                    continue;
                }
                s.docker().remove(s.containerName(colour));
                Slot slot = s.state().slot(colour);
                if (slot != null && slot.hasContainer()) {
                    s.transition(slot, DeploymentState.RETIRED, "removed: it drifted, and a drifted container is never kept warm");
                }
                s.note("Removed the drifted " + colour.label() + " container " + s.containerName(colour) + "; it took no traffic.");
            }
            if (live.isPresent() && colours.contains(live.get().colour())) {
                Slot old = live.get();
                Release release = releaseFor(s, old.ref());
                Slot fresh = ColourStarter.start(s, release, old.colour().other(), Intent.Operation.DEPLOY);
                long millis = promoteSlot(s, fresh, Intent.Operation.DEPLOY);
                s.docker().remove(old.container());
                Slot now = s.state().slot(old.colour());
                if (now != null && now.hasContainer()) {
                    s.transition(now, DeploymentState.RETIRED, "replaced: it drifted, and a drifted container is never kept warm");
                }
                s.note("Replaced the drifted live " + old.colour().label() + " by a fresh " + fresh.colour().label() + " of "
                        + release.id() + "; removed " + old.container() + ".");
                return s.view(millis);
            }
            return s.view(null);
        }
    }
}
