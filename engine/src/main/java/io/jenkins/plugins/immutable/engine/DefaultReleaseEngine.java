package io.jenkins.plugins.immutable.engine;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseListing;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import io.jenkins.plugins.immutable.engine.build.BuildStage;
import io.jenkins.plugins.immutable.engine.deploy.DeployStage;
import io.jenkins.plugins.immutable.engine.docker.DockerEndpoint;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.docker.DockerJavaGateway;
import io.jenkins.plugins.immutable.engine.drift.DriftStage;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.ledger.Ledger;
import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.registry.DockerConfigAuth;
import io.jenkins.plugins.immutable.engine.registry.RegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Wires the stages together; holds no logic of its own. */
final class DefaultReleaseEngine implements ReleaseEngine {

    private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(15);

    private final Ledger ledger;
    private final DockerEndpoint dockerHost;
    private final Map<DockerEndpoint, DockerGateway> dockers = new ConcurrentHashMap<>();
    private final BuildStage builds;
    private final DeployStage deploys;
    private final DriftStage drifts;
    private final Verifier verifier;
    private final ReleaseCatalog catalog;

    DefaultReleaseEngine(EngineConfig config) {
        EventHandler events = fanOut(config.handlers());
        this.ledger = Ledger.open(ledgerLocation(config), config.clock(), ledgerEnvironment(config),
                note -> events.on(new EngineEvent.Notice(note)));
        this.dockerHost = new DockerEndpoint(config.dockerHost() != null ? config.dockerHost()
                : System.getenv().getOrDefault("DOCKER_HOST", DockerJavaGateway.DEFAULT_HOST), config.dockerTlsVerify(),
                config.dockerCertPath());
        RegistryClient registry = new RegistryClient(REGISTRY_TIMEOUT);
        DockerConfigAuth auth = new DockerConfigAuth(config.dockerConfigDir());
        this.builds = new BuildStage(ledger, () -> docker(dockerHost), registry, auth, events, config.clock());
        this.deploys = new DeployStage(ledger, this::docker, auth, registry, events, config.clock(), dockerHost);
        this.drifts = new DriftStage(deploys, this::docker, events);
        this.verifier = new Verifier(registry, auth);
        this.catalog = new ReleaseCatalog(ledger);
    }

    /** The config's ledger database, else its state folder. A bad URL was refused by whoever built the config. */
    private static LedgerLocation ledgerLocation(EngineConfig config) {
        if (config.ledgerUrl() == null) {
            return LedgerLocation.folder(config.stateDir());
        }
        try {
            return LedgerLocation.database(config.ledgerUrl(), "state", System.getProperty("user.name"));
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The process environment, with the config's ledger password (Jenkins' credentials) standing in for PGPASSWORD. */
    private static Map<String, String> ledgerEnvironment(EngineConfig config) {
        if (config.ledgerPassword() == null) {
            return System.getenv();
        }
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("PGPASSWORD", new String(config.ledgerPassword()));
        return env;
    }

    private DockerGateway docker(DockerEndpoint endpoint) {
        return dockers.computeIfAbsent(endpoint, DockerEndpoint::connect);
    }

    /** A handler that throws must not break the operation it watches. */
    private static EventHandler fanOut(List<EventHandler> handlers) {
        return (EngineEvent event) -> {
            for (EventHandler handler : handlers) {
                try {
                    handler.on(event);
                } catch (RuntimeException e) {
                    // Reporting is best effort; the operation's outcome is what counts.
                }
            }
        };
    }

    @Override
    public Digest inputDigest(BuildRequest request) throws ReleaseException {
        return builds.inputDigest(request);
    }

    @Override
    public BuildResult build(BuildRequest request) throws ReleaseException {
        return builds.build(request);
    }

    @Override
    public EnvironmentView deploy(DeployRequest request) throws ReleaseException {
        return deploys.deploy(request);
    }

    @Override
    public EnvironmentView promote(String environment) throws ReleaseException {
        return deploys.promote(environment);
    }

    @Override
    public EnvironmentView abort(String environment) throws ReleaseException {
        return deploys.abort(environment);
    }

    @Override
    public EnvironmentView rollback(RollbackRequest request) throws ReleaseException {
        return deploys.rollback(request);
    }

    @Override
    public io.jenkins.plugins.immutable.engine.api.EnvironmentSettings settings(String environment) throws ReleaseException {
        return deploys.settings(environment);
    }

    @Override
    public EnvironmentView status(String environment) throws ReleaseException {
        return deploys.status(environment);
    }

    @Override
    public List<ReleaseListing> releases() throws ReleaseException {
        return catalog.releases();
    }

    @Override
    public void eachRelease(java.util.function.Consumer<ReleaseListing> sink) throws ReleaseException {
        catalog.eachRelease(sink);
    }

    @Override
    public void eachReleaseRow(io.jenkins.plugins.immutable.engine.api.ReleaseRowSink sink) throws ReleaseException {
        catalog.eachReleaseRow(sink);
    }

    @Override
    public List<DeploymentRecord> history(String environment) throws ReleaseException {
        return ledger.history(environment);
    }

    @Override
    public VerifyResult verify(ImageRef ref, Path provenance) throws ReleaseException {
        return verifier.verify(ref, provenance);
    }

    @Override
    public VerifyResult verifyAttestation(ImageRef ref, String publicKeyPem, String builderId) throws ReleaseException {
        return verifier.verifyAttestation(ref, publicKeyPem, builderId);
    }

    @Override
    public DriftReport drift(String environment, boolean repair, RegistryCredentials credentials) throws ReleaseException {
        return drifts.check(environment, repair, credentials);
    }

    @Override
    public void close() {
        dockers.values().forEach(DockerGateway::close);
        dockers.clear();
        ledger.close();
    }
}
