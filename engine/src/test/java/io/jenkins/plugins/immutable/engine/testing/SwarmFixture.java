package io.jenkins.plugins.immutable.engine.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.router.HaproxyConfig;
import io.jenkins.plugins.immutable.engine.router.ServerSlots;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An environment on a real Swarm behind a real HAProxy whose backend has a server slot per replica per colour. The
 * Swarm is the one {@link SwarmTarget} names; releases are built on the services' daemon, pushed to the test registry,
 * and deployed by digest from the registry address the nodes reach.
 */
public final class SwarmFixture implements AutoCloseable {

    public static final String ENVIRONMENT = "staging";

    private final Path dir;
    private final int replicas;
    private final EngineFixture engine;
    private final HaproxyProcess haproxy;
    private final SwarmTarget swarm = SwarmTarget.get();

    public SwarmFixture(Path dir, int replicas) throws IOException, InterruptedException {
        this(dir, replicas, new EngineFixture(dir.resolve("state")));
    }

    public SwarmFixture(Path dir, int replicas, EngineFixture engine) throws IOException, InterruptedException {
        this.dir = dir;
        this.replicas = replicas;
        this.engine = engine;
        String servers = HaproxyConfig.backendSection("app", new ServerSlots(replicas));
        this.haproxy = HaproxyProcess.start(dir.resolve("haproxy"), "app",
                text -> text.substring(0, text.indexOf("\nbackend app") + 1) + servers);
    }

    public EngineFixture engine() {
        return engine;
    }

    public HaproxyProcess haproxy() {
        return haproxy;
    }

    public SwarmTarget swarm() {
        return swarm;
    }

    public String app() {
        return "hello-" + engine.prefix();
    }

    /** The service of a colour: {@code <app>-staging-<colour>}. */
    public String service(String colour) {
        return app() + "-" + ENVIRONMENT + "-" + colour;
    }

    /** Builds a release whose page says {@code page}, and gives its reference as the Swarm's nodes pull it. */
    public ImageRef release(String page) throws IOException, ReleaseException {
        Path context = SampleApp.write(dir.resolve("contexts").resolve("ok-" + Integer.toHexString(page.hashCode())), page);
        ImageRef built = engine.engine().build(engine.request(engine.repository("hello"), context).build()).release().ref();
        return swarm.asNodesPull(built);
    }

    public DeployRequest.Builder deployRequest(ImageRef ref) {
        return DeployRequest.builder().environment(ENVIRONMENT).ref(ref.toString()).app(app()).port(SampleApp.PORT)
                .healthPath("/health").healthTimeout("60s").haproxySocket(haproxy.socket().toString()).haproxyBackend("app")
                .dockerHost(swarm.managerHost()).platform("swarm").replicas(replicas);
    }

    public EnvironmentView deploy(ImageRef ref) throws ReleaseException {
        return engine.engine().deploy(deployRequest(ref).build());
    }

    public URI frontend() {
        return URI.create("http://127.0.0.1:" + haproxy.frontendPort() + "/");
    }

    /** The services this fixture's app has on the Swarm now. */
    public List<String> services() {
        return swarm.services(app());
    }

    @Override
    public void close() throws Exception {
        try {
            engine.close();
        } finally {
            try {
                haproxy.close();
            } finally {
                swarm.removeServices(app());
            }
        }
        Files.deleteIfExists(dir.resolve("nothing"));
    }

    /** A docker-java client to the manager, for tests that look at what the engine made. */
    public static DockerClient client(String host) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host)).build());
    }
}
