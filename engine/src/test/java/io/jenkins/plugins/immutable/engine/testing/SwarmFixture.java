package io.jenkins.plugins.immutable.engine.testing;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.router.RouterConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * An environment on the real three-node Swarm ({@link SwarmCluster}) behind a real HAProxy whose backend has a server
 * slot per replica per colour. Releases are built on the manager and pushed to the cluster's registry, which every node
 * pulls from by digest.
 */
public final class SwarmFixture implements AutoCloseable {

    public static final String ENVIRONMENT = "staging";

    private final Path dir;
    private final int replicas;
    private final EngineFixture engine;
    private final HaproxyProcess haproxy;
    private final SwarmCluster swarm = SwarmCluster.get();

    public SwarmFixture(Path dir, int replicas) throws IOException, InterruptedException {
        this(dir, replicas, "state");
    }

    /** A fixture whose engine keeps its ledger in {@code dir/<state>}: two of them are two agents. */
    public SwarmFixture(Path dir, int replicas, String state) throws IOException, InterruptedException {
        this(dir, replicas, engineOnTheCluster(dir.resolve(state)));
    }

    private static EngineFixture engineOnTheCluster(Path state) {
        // The cluster's registry is on its bridge, trusted by every node without TLS: the engine speaks plain HTTP to it
        // as IMMUTABLE_INSECURE_REGISTRIES says.
        System.setProperty("immutable.insecureRegistries", SwarmCluster.get().registry());
        return new EngineFixture(state, null, SwarmCluster.get().dockerHost(), SwarmCluster.get().registry());
    }

    public SwarmFixture(Path dir, int replicas, EngineFixture engine) throws IOException, InterruptedException {
        this.dir = dir;
        this.replicas = replicas;
        this.engine = engine;
        // The backend is exactly what 'immutable router-config --platform swarm --replicas N' prints, comments and all.
        String section = RouterConfig.render(null, "swarm", replicas, "app", null);
        this.haproxy = HaproxyProcess.start(dir.resolve("haproxy"), "app",
                text -> text.substring(0, text.indexOf("\nbackend app") + 1) + section);
    }

    public EngineFixture engine() {
        return engine;
    }

    public HaproxyProcess haproxy() {
        return haproxy;
    }

    public SwarmCluster swarm() {
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
        return engine.engine().build(engine.request(engine.repository("hello"), context).build()).release().ref();
    }

    public DeployRequest.Builder deployRequest(ImageRef ref) {
        return DeployRequest.builder().environment(ENVIRONMENT).ref(ref.toString()).app(app()).port(SampleApp.PORT)
                .healthPath("/health").healthTimeout("60s").haproxySocket(haproxy.socket().toString()).haproxyBackend("app")
                .dockerHost(swarm.dockerHost()).platform("swarm").replicas(replicas);
    }

    public EnvironmentView deploy(ImageRef ref) throws ReleaseException {
        return engine.engine().deploy(deployRequest(ref).build());
    }

    public URI frontend() {
        return URI.create("http://127.0.0.1:" + haproxy.frontendPort() + "/");
    }

    /** The services this fixture's app has on the Swarm now, by name. */
    public List<String> services() {
        try (DockerClient docker = swarm.managerClient()) {
            return docker.listServicesCmd().exec().stream().map(s -> s.getSpec().getName()).filter(n -> n.startsWith(app()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            engine.close();
        } finally {
            try {
                haproxy.close();
            } finally {
                removeServices();
            }
        }
    }

    /** Removes what the test left on the Swarm: its app's services. */
    private void removeServices() throws IOException {
        try (DockerClient docker = swarm.managerClient()) {
            for (var service : docker.listServicesCmd().exec()) {
                if (service.getSpec().getName().startsWith(app())) {
                    docker.removeServiceCmd(service.getId()).exec();
                }
            }
        }
    }

    /** The fixture's HAProxy backend as the engine reads it: a server slot per replica per colour. */
    public io.jenkins.plugins.immutable.engine.router.HaproxyRouter router() {
        return new io.jenkins.plugins.immutable.engine.router.HaproxyRouter(
                new io.jenkins.plugins.immutable.engine.router.HaproxyRuntime(
                        io.jenkins.plugins.immutable.engine.api.HaproxyAddress.unix(haproxy.socket())),
                "app", io.jenkins.plugins.immutable.engine.api.EventHandler.NONE,
                new io.jenkins.plugins.immutable.engine.router.ServerSlots(replicas));
    }

    /** {@code count} pages through HAProxy, one after another, each asserted to be a 200; their bodies, stripped. */
    public List<String> pages(int count) throws IOException, InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
        List<String> pages = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            java.net.http.HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(frontend())
                    .timeout(java.time.Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new AssertionError("HAProxy answered " + page.statusCode() + ": " + page.body());
            }
            pages.add(page.body().strip());
        }
        return pages;
    }
}
