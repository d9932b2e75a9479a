package io.jenkins.plugins.immutable.engine.drift;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftFinding.Kind;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.Notice;
import io.jenkins.plugins.immutable.engine.api.EngineEvent.StageStarted;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.deploy.DeployStage;
import io.jenkins.plugins.immutable.engine.docker.DockerEndpoint;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.HaproxyRuntime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code drift}: reads the environment from the target and the router, runs every {@link Check}, and with
 * {@code repair} replaces what drifted (never patches it) and checks again.
 */
public final class DriftStage {

    private static final List<Check> CHECKS = List.of(new UnknownContainerCheck(), new ImageCheck(), new ConfigCheck(),
            new FilesCheck(), new RouterCheck());

    private final DeployStage deploys;
    private final Function<DockerEndpoint, DockerGateway> dockers;
    private final EventHandler events;

    public DriftStage(DeployStage deploys, Function<DockerEndpoint, DockerGateway> dockers, EventHandler events) {
        this.deploys = deploys;
        this.dockers = dockers;
        this.events = events;
    }

    public DriftReport check(String environment, boolean repair, RegistryCredentials credentials) throws ReleaseException {
        EnvironmentSettings settings = deploys.settings(environment);
        DockerGateway docker = dockers.apply(DockerEndpoint.of(settings));
        HaproxyRouter router = new HaproxyRouter(new HaproxyRuntime(settings.router()), settings.haproxyBackend(), events,
                io.jenkins.plugins.immutable.engine.router.ServerSlots.of(settings));
        if (settings.onSwarm()) {
            return swarm(environment, settings, docker, router, repair, credentials);
        }
        events.on(new StageStarted("drift", environment + ": the containers on " + docker.host() + " and HAProxy backend "
                + settings.haproxyBackend() + " against what the engine started and set"));
        Target target = read(environment, settings, docker, router);
        List<DriftFinding> findings = detect(target);
        if (!repair || findings.isEmpty()) {
            return new DriftReport(environment, findings, List.of(), findings, List.of());
        }
        List<String> repaired = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Repair.unknownContainers(target, repaired, notes);
        Set<Colour> colours = coloursToReplace(target, findings);
        if (!colours.isEmpty()) {
            events.on(new StageStarted("repair", environment + ": replacing " + labels(colours)
                    + " by a fresh container of the same recorded digest, through the health gate"));
            EnvironmentView view = deploys.repair(environment, colours, credentials);
            view.notes().forEach(notes::add);
            colours.forEach(c -> repaired.add("replaced " + c.label() + " (" + target.known(c).map(k -> k.container().name()
                    + ", " + k.labels().releaseId()).orElse("no container") + ") by a fresh container of its recorded digest"));
        }
        Repair.router(read(environment, settings, docker, router), repaired);
        List<DriftFinding> remaining = detect(read(environment, settings, docker, router));
        for (String line : repaired) {
            events.on(new Notice("[repair] " + line));
        }
        return new DriftReport(environment, findings, repaired, remaining, notes);
    }

    /**
     * A Swarm environment: its replicas against the router. A repair replaces the live colour by a fresh service of
     * the same digest through the health gate (N healthy replicas, then the switch), as a deploy would.
     */
    private DriftReport swarm(String environment, EnvironmentSettings settings, DockerGateway docker, HaproxyRouter router,
            boolean repair, RegistryCredentials credentials) throws ReleaseException {
        io.jenkins.plugins.immutable.engine.platform.Platform swarm = io.jenkins.plugins.immutable.engine.platform.Platform.of(
                settings, docker);
        events.on(new StageStarted("drift", environment + ": the services on " + swarm.where() + " and HAProxy backend "
                + settings.haproxyBackend() + " against what the engine started and set"));
        List<DriftFinding> findings = SwarmReplicasCheck.check(environment, settings.app(), swarm, router.state());
        if (!repair || findings.isEmpty()) {
            return new DriftReport(environment, findings, List.of(), findings, List.of());
        }
        Set<Colour> live = router.state().live();
        Set<Colour> colours = EnumSet.noneOf(Colour.class);
        findings.stream().map(DriftFinding::colour).filter(live::contains).forEach(colours::add);
        List<String> repaired = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!colours.isEmpty()) {
            EnvironmentView view = deploys.repair(environment, colours, credentials);
            notes.addAll(view.notes());
            colours.forEach(c -> repaired.add("replaced " + c.label() + " by a fresh service of its recorded digest with "
                    + settings.replicaCount() + " healthy replicas"));
        }
        List<DriftFinding> remaining = SwarmReplicasCheck.check(environment, settings.app(), swarm, router.state());
        return new DriftReport(environment, findings, repaired, remaining, notes);
    }

    private Target read(String environment, EnvironmentSettings settings, DockerGateway docker, HaproxyRouter router)
            throws ReleaseException {
        return Target.read(environment, settings, docker, router, deploys.recordedActive(environment));
    }

    private static List<DriftFinding> detect(Target target) throws ReleaseException {
        List<DriftFinding> findings = new ArrayList<>();
        for (Check check : CHECKS) {
            findings.addAll(check.check(target));
        }
        return findings;
    }

    /**
     * The colours whose container drifted, and the live colour when its server points elsewhere or is not ready:
     * a fresh container of the same digest, switched to through the normal path, puts both right.
     */
    static Set<Colour> coloursToReplace(Target target, List<DriftFinding> findings) {
        Set<Colour> colours = EnumSet.noneOf(Colour.class);
        for (DriftFinding finding : findings) {
            if (finding.colour() == null) {
                continue;
            }
            boolean container = finding.kind() == Kind.FILES_CHANGED || finding.kind() == Kind.IMAGE || finding.kind() == Kind.CONFIG;
            boolean liveServer = finding.kind() == Kind.ROUTER && finding.colour() == target.live()
                    && Set.of(RouterCheck.ADDRESS, RouterCheck.LIVE_STATE, RouterCheck.NO_CONTAINER).contains(finding.what());
            if (container || liveServer) {
                colours.add(finding.colour());
            }
        }
        return colours;
    }

    private static String labels(Set<Colour> colours) {
        return String.join(" and ", colours.stream().map(Colour::label).toList());
    }
}
