package io.jenkins.plugins.immutable.engine.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jenkins.plugins.immutable.engine.ReleaseEngines;
import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An engine over a fresh state folder, against the real test daemon and registry, recording every event; plus a
 * docker-java client for the tests' own look at the daemon. Each fixture uses its own repository names.
 */
public final class EngineFixture implements AutoCloseable {

    private final TestServices services = TestServices.get();
    private final Path stateDir;
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ReleaseEngine engine;
    private final DockerClient docker;
    private final String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String registry;

    public EngineFixture(Path stateDir) {
        this(stateDir, null);
    }

    public EngineFixture(Path stateDir, Path dockerConfigDir) {
        this(stateDir, dockerConfigDir, TestServices.get().dockerHost(), TestServices.get().registry());
    }

    /** An engine on another Docker host (a Swarm's manager) that pushes to another registry (the one its nodes reach). */
    public EngineFixture(Path stateDir, Path dockerConfigDir, String dockerHost, String registry) {
        this.stateDir = stateDir;
        this.registry = registry;
        this.engine = ReleaseEngines.open(EngineConfig.builder(stateDir).dockerHost(dockerHost)
                .dockerConfigDir(dockerConfigDir == null ? stateDir.resolve("no-docker-config") : dockerConfigDir)
                .handler(this::record).build());
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build();
        this.docker = DockerClientImpl.getInstance(config,
                new ApacheDockerHttpClient.Builder().dockerHost(URI.create(dockerHost)).build());
    }

    public ReleaseEngine engine() {
        return engine;
    }

    public DockerClient docker() {
        return docker;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** A repository in the test registry that no other test uses. */
    public String repository(String name) {
        return registry + "/" + prefix + "/" + name;
    }

    /** A build request for {@code context} into {@code repository}, as the CLI would make it. */
    public BuildRequest.Builder request(String repository, Path context) {
        return BuildRequest.builder().image(repository).context(context).builderId("cli@test").invocationId(prefix);
    }

    /**
     * Calls {@code listener} with every event, on the engine's thread and before the engine goes on: a test can change
     * the world at an exact moment of a flow (e.g. when the daemon reports a pushed digest).
     */
    public void onEvent(java.util.function.Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }

    private void record(EngineEvent event) {
        events.add(event);
        listeners.forEach(l -> l.accept(event));
    }

    public List<EngineEvent> events() {
        return List.copyOf(events);
    }

    public String log() {
        return events.stream().map(EngineEvent::message).collect(Collectors.joining("\n"));
    }

    public void clearEvents() {
        events.clear();
    }

    /** Container names on the daemon now. */
    public List<String> containerNames() {
        return docker.listContainersCmd().withShowAll(true).exec().stream()
                .map(c -> c.getNames()[0].replaceFirst("^/", "")).toList();
    }

    @Override
    public void close() throws Exception {
        engine.close();
        docker.listContainersCmd().withShowAll(true).exec().stream()
                .filter(c -> c.getNames()[0].contains(prefix))
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        docker.close();
    }

    /** Runs a command in a container through the real daemon; returns its exit code. */
    public long exec(String container, String... command) throws InterruptedException {
        String exec = docker.execCreateCmd(container).withCmd(command).withAttachStdout(true).withAttachStderr(true).exec().getId();
        docker.execStartCmd(exec).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>())
                .awaitCompletion(20, java.util.concurrent.TimeUnit.SECONDS);
        return docker.inspectExecCmd(exec).exec().getExitCodeLong();
    }

    public String prefix() {
        return prefix;
    }
}
