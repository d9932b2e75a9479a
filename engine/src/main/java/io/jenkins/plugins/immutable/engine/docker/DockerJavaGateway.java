package io.jenkins.plugins.immutable.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageName;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** {@link DockerGateway} over docker-java and its httpclient5 transport. */
public final class DockerJavaGateway implements DockerGateway {

    /** Where Docker's own tools look when nothing else is said. */
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private final String host;
    private final DockerClient client;
    private final SwarmGateway swarm;

    private DockerJavaGateway(String host, DockerClient client, SwarmGateway swarm) {
        this.host = host;
        this.client = client;
        this.swarm = swarm;
    }

    /** Connects to {@code host}; {@code null} means {@code DOCKER_HOST}, else {@link #DEFAULT_HOST}. Does not contact it yet. */
    public static DockerJavaGateway connect(String host) {
        return connect(host, null, null);
    }

    /**
     * As {@link #connect(String)}, with TLS as {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH} say; {@code null}s keep
     * docker-java's defaults (the process environment).
     */
    public static DockerJavaGateway connect(String host, Boolean tlsVerify, Path certPath) {
        String resolved = host != null ? host : System.getenv().getOrDefault("DOCKER_HOST", DEFAULT_HOST);
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(resolved);
        if (tlsVerify != null) {
            builder.withDockerTlsVerify(tlsVerify);
        }
        if (certPath != null) {
            builder.withDockerCertPath(certPath.toString());
        }
        DefaultDockerClientConfig config = builder.build();
        boolean unixSocket = resolved.startsWith("unix://");
        ApacheDockerHttpClient transport = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(resolved))
                .sslConfig(unixSocket && config.getSSLConfig() == null ? UnixSocketSsl.INSTANCE : config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return new DockerJavaGateway(resolved, DockerClientImpl.getInstance(config, transport), new DockerApiSwarm(resolved, transport));
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public Optional<SwarmGateway> swarm() {
        return Optional.of(swarm);
    }


    @Override
    public String build(BuildSpec spec, Consumer<String> log) throws ReleaseException {
        BuildOutput output = new BuildOutput(log);
        try (StreamedContext tar = StreamedContext.start(spec.context())) {
            BuildImageCmd command = client.buildImageCmd()
                    .withTarInputStream(tar.input())
                    .withDockerfilePath(spec.dockerfilePath())
                    .withTags(Set.of(spec.tag()))
                    .withRemove(true)
                    .withForcerm(true)
                    .withPull(false)
                    .withNoCache(spec.noCache())
                    .withLabels(spec.labels());
            spec.buildArgs().forEach(command::withBuildArg);
            if (spec.target() != null) {
                command.withTarget(spec.target());
            }
            RuntimeException requestFailed = null;
            try {
                command.exec(output).awaitCompletion();
            } catch (RuntimeException e) {
                requestFailed = e;
            }
            tar.rethrowFailure(); // the context's own failure is the reason, not the request it aborted
            if (requestFailed != null && output.error() == null) {
                throw DockerFailures.translate(host, "build " + spec.tag(), requestFailed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(Kind.FAILED_SAFELY, "Interrupted while building " + spec.tag(), e);
        } catch (IOException e) {
            throw new ReleaseException(Kind.FAILED_SAFELY, "Tried to send the build context of " + spec.tag() + " to " + host
                    + " but failed: " + e.getMessage(), e);
        }
        if (output.error() != null || output.imageId() == null) {
            String step = output.currentStep() == null ? "the build" : "'" + output.currentStep() + "'";
            String why = output.error() == null ? "the daemon reported no image" : DockerFailures.firstLine(output.error().strip());
            throw new ReleaseException(Kind.FAILED_SAFELY, "Tried to build " + spec.tag() + " on " + host + " but " + step
                    + " failed: " + why + ". Fix the Dockerfile or the context and build again.");
        }
        return output.imageId();
    }

    @Override
    public Digest push(ImageName name, RegistryCredentials credentials, Consumer<String> log) throws ReleaseException {
        PushOutput output = new PushOutput(log);
        try {
            var command = client.pushImageCmd(name.repository()).withTag(name.tag());
            AuthConfig auth = authFor(name.registry(), credentials);
            if (auth != null) {
                command.withAuthConfig(auth);
            }
            command.exec(output).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(Kind.FAILED_SAFELY, "Interrupted while pushing " + name, e);
        } catch (RuntimeException e) {
            if (output.error() == null) {
                throw DockerFailures.translate(host, "push " + name, e);
            }
        }
        if (output.error() != null) {
            throw PushFailures.classify("push", name, credentials, output.error());
        }
        if (output.digest() == null) {
            throw new ReleaseException(Kind.FAILED_SAFELY, "Pushed " + name + " through " + host
                    + " but the daemon reported no digest; the registry's answer cannot be trusted. Push again.");
        }
        return Digest.parse(output.digest());
    }

    @Override
    public List<String> repoDigests(String image) throws ReleaseException {
        try {
            List<String> digests = client.inspectImageCmd(image).exec().getRepoDigests();
            return digests == null ? List.of() : List.copyOf(digests);
        } catch (NotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "inspect image " + image, e);
        }
    }

    private boolean hasImage(String image) throws ReleaseException {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "inspect image " + image, e);
        }
    }

    @Override
    public ContainerInfo run(ContainerSpec spec, RegistryCredentials credentials) throws ReleaseException {
        if (!hasImage(spec.image().toString())) {
            pull(spec.image(), credentials);
        }
        ExposedPort port = ExposedPort.tcp(spec.containerPort());
        Ports bindings = new Ports();
        // An empty host port lets the daemon pick a free one: no race with other processes choosing ports.
        bindings.bind(port, Ports.Binding.bindIp("127.0.0.1"));
        try {
            String id = client.createContainerCmd(spec.image().toString())
                    .withName(spec.name())
                    .withLabels(spec.labels())
                    .withExposedPorts(port)
                    .withHostConfig(hostConfig(spec, bindings))
                    .exec().getId();
            client.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "start container " + spec.name() + " from " + spec.image(), e);
        }
        return inspect(spec.name()).orElseThrow(() -> new ReleaseException(Kind.FAILED_SAFELY,
                "Started container " + spec.name() + " on " + host + " but it vanished at once"));
    }

    private static HostConfig hostConfig(ContainerSpec spec, Ports bindings) {
        HostConfig config = HostConfig.newHostConfig().withPortBindings(bindings);
        if (spec.readOnly()) {
            Map<String, String> tmpfs = new java.util.LinkedHashMap<>();
            spec.writablePaths().forEach(path -> tmpfs.put(path, ""));
            config.withReadonlyRootfs(true).withTmpFs(tmpfs);
        }
        return config;
    }

    @Override
    public List<ContainerInfo> listLabelled(String key, String value) throws ReleaseException {
        try {
            List<ContainerInfo> found = new ArrayList<>();
            for (var container : client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(key, value)).exec()) {
                inspect(container.getId()).ifPresent(found::add);
            }
            return found;
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "list the containers labelled " + key + "=" + value, e);
        }
    }

    /** The image lock objects are created from: no layers, nothing to run; it is never started. */
    static final String LOCK_IMAGE = "immutable-release/lock";
    static final String LOCK_TAG = "1";

    @Override
    public Optional<String> createLockObject(String name, Map<String, String> labels) throws ReleaseException {
        ensureLockImage();
        try {
            return Optional.of(client.createContainerCmd(LOCK_IMAGE + ":" + LOCK_TAG).withName(name).withLabels(labels)
                    .withCmd("lock").exec().getId());
        } catch (com.github.dockerjava.api.exception.ConflictException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "create the lock object " + name, e);
        }
    }

    private void ensureLockImage() throws ReleaseException {
        if (hasImage(LOCK_IMAGE + ":" + LOCK_TAG)) {
            return;
        }
        // FROM scratch with nothing in it: no layer, nothing to pull, and a command only so that it can be created.
        byte[] dockerfile = "FROM scratch\nCMD [\"lock\"]\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream tar = new java.io.ByteArrayOutputStream();
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tar)) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("Dockerfile");
            entry.setSize(dockerfile.length);
            out.putArchiveEntry(entry);
            out.write(dockerfile);
            out.closeArchiveEntry();
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory tar cannot fail", e);
        }
        BuildOutput output = new BuildOutput(line -> { });
        try (InputStream archive = new java.io.ByteArrayInputStream(tar.toByteArray())) {
            client.buildImageCmd().withTarInputStream(archive).withTags(Set.of(LOCK_IMAGE + ":" + LOCK_TAG)).withPull(false)
                    .exec(output).awaitCompletion();
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory stream cannot fail", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(Kind.FAILED_SAFELY, "Interrupted while making the lock image on " + host, e);
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "build the lock image " + LOCK_IMAGE + ":" + LOCK_TAG, e);
        }
    }

    @Override
    public boolean rename(String idOrName, String newName) throws ReleaseException {
        try {
            client.renameContainerCmd(idOrName).withName(newName).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "rename container " + idOrName + " to " + newName, e);
        }
    }

    @Override
    public void keepRunning(String name) throws ReleaseException {
        try {
            // A daemon restart must not take a live colour down with it.
            client.updateContainerCmd(name).withRestartPolicy(RestartPolicy.unlessStoppedRestart()).exec();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "set the restart policy of container " + name, e);
        }
    }

    private void pull(ImageRef image, RegistryCredentials credentials) throws ReleaseException {
        ImageName name = new ImageName(image.repository(), null);
        PullFailureCollector output = new PullFailureCollector();
        try {
            var command = client.pullImageCmd(image.repository()).withTag(image.digest().value());
            AuthConfig auth = authFor(image.registry(), credentials);
            if (auth != null) {
                command.withAuthConfig(auth);
            }
            command.exec(output).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(Kind.FAILED_SAFELY, "Interrupted while pulling " + image, e);
        } catch (RuntimeException e) {
            String message = e instanceof com.github.dockerjava.api.exception.DockerException d ? DockerFailures.daemonMessage(d) : null;
            if (message == null || DockerFailures.ioCause(e) != null) {
                throw DockerFailures.translate(host, "pull " + image, e);
            }
            throw PushFailures.classify("pull", name, credentials, message);
        }
        if (output.error != null) {
            throw PushFailures.classify("pull", name, credentials, output.error);
        }
    }

    /** Pull output matters only for its error. */
    private static final class PullFailureCollector extends ResultCallback.Adapter<PullResponseItem> {
        private volatile String error;

        @Override
        public void onNext(PullResponseItem item) {
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
            }
        }
    }

    @Override
    public Optional<ContainerInfo> inspect(String name) throws ReleaseException {
        try {
            return Optional.of(toInfo(client.inspectContainerCmd(name).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "inspect container " + name, e);
        }
    }

    private static ContainerInfo toInfo(InspectContainerResponse response) {
        var state = response.getState();
        boolean running = state != null && Boolean.TRUE.equals(state.getRunning()) && !Boolean.TRUE.equals(state.getRestarting());
        int exitCode = state == null || state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue();
        int hostPort = 0;
        if (response.getNetworkSettings() != null && response.getNetworkSettings().getPorts() != null) {
            for (Map.Entry<ExposedPort, Ports.Binding[]> entry : response.getNetworkSettings().getPorts().getBindings().entrySet()) {
                if (entry.getValue() != null && entry.getValue().length > 0 && entry.getValue()[0].getHostPortSpec() != null) {
                    hostPort = Integer.parseInt(entry.getValue()[0].getHostPortSpec());
                    break;
                }
            }
        }
        // A restart means it died at least once: a colour that crashed is not healthy, whatever it does now.
        if (response.getRestartCount() != null && response.getRestartCount() > 0) {
            running = false;
        }
        String name = response.getName() == null ? "" : response.getName().replaceFirst("^/", "");
        Map<String, String> labels = response.getConfig() == null ? Map.of() : response.getConfig().getLabels();
        String image = response.getConfig() == null ? null : response.getConfig().getImage();
        String restart = response.getHostConfig() == null || response.getHostConfig().getRestartPolicy() == null ? "no"
                : String.valueOf(response.getHostConfig().getRestartPolicy().getName());
        return new ContainerInfo(response.getId(), name, running, exitCode, hostPort, image, labels,
                restart.isEmpty() || "null".equals(restart) ? "no" : restart);
    }

    @Override
    public void remove(String name) throws ReleaseException {
        try {
            client.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException e) {
            // Nothing to remove is what we wanted.
        } catch (com.github.dockerjava.api.exception.ConflictException e) {
            // Removal already in progress.
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "remove container " + name, e);
        }
    }

    @Override
    public String logTail(String name, int lines) throws ReleaseException {
        StringBuilder text = new StringBuilder();
        try {
            client.logContainerCmd(name).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            text.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion();
        } catch (NotFoundException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "read the log of container " + name, e);
        }
        return text.toString().strip();
    }


    private static AuthConfig authFor(String registry, RegistryCredentials credentials) {
        if (credentials == null) {
            return null;
        }
        return new AuthConfig().withRegistryAddress(registry).withUsername(credentials.username())
                .withPassword(credentials.password());
    }

    // Drift: what a container was created with and what changed in it since.

    @Override
    public List<String> changedPaths(String container) throws ReleaseException {
        try {
            var changes = client.containerDiffCmd(container).exec();
            return changes == null ? List.of() : changes.stream().map(c -> c.getPath()).toList();
        } catch (NotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "list the filesystem changes of container " + container, e);
        }
    }

    @Override
    public Optional<ContainerDetails> details(String container) throws ReleaseException {
        InspectContainerResponse response;
        try {
            response = client.inspectContainerCmd(container).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "inspect container " + container, e);
        }
        var config = response.getConfig();
        HostConfig hostConfig = response.getHostConfig();
        Map<String, List<String>> published = new java.util.TreeMap<>();
        if (response.getNetworkSettings() != null && response.getNetworkSettings().getPorts() != null) {
            response.getNetworkSettings().getPorts().getBindings().forEach((port, bindings) -> {
                if (bindings != null && bindings.length > 0) {
                    List<String> to = new ArrayList<>();
                    for (Ports.Binding binding : bindings) {
                        to.add((binding.getHostIp() == null || binding.getHostIp().isEmpty() ? "0.0.0.0" : binding.getHostIp())
                                + ":" + binding.getHostPortSpec());
                    }
                    published.put(port.toString(), to);
                }
            });
        }
        String restart = hostConfig == null || hostConfig.getRestartPolicy() == null
                || hostConfig.getRestartPolicy().getName() == null || hostConfig.getRestartPolicy().getName().isEmpty() ? "no"
                : hostConfig.getRestartPolicy().getName();
        List<String> tmpfs = hostConfig == null || hostConfig.getTmpFs() == null ? List.of()
                : hostConfig.getTmpFs().keySet().stream().sorted().toList();
        String state = response.getState() == null ? "unknown" : String.valueOf(response.getState().getStatus());
        return Optional.of(new ContainerDetails(response.getId(),
                response.getName() == null ? "" : response.getName().replaceFirst("^/", ""), state, response.getImageId(),
                config == null ? null : config.getImage(), list(config == null ? null : config.getEnv()),
                list(config == null ? null : config.getCmd()), list(config == null ? null : config.getEntrypoint()), published,
                restart, hostConfig != null && Boolean.TRUE.equals(hostConfig.getReadonlyRootfs()), tmpfs,
                config == null ? Map.of() : config.getLabels()));
    }

    @Override
    public Optional<ImageConfig> imageConfig(String image) throws ReleaseException {
        try {
            var response = client.inspectImageCmd(image).exec();
            var config = response.getConfig();
            return Optional.of(new ImageConfig(response.getId(), list(config == null ? null : config.getEnv()),
                    list(config == null ? null : config.getCmd()), list(config == null ? null : config.getEntrypoint())));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(host, "inspect image " + image, e);
        }
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // Closing a pooled HTTP client cannot lose anything worth reporting.
        }
    }
}
