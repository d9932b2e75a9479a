package io.jenkins.plugins.immutable.engine.testing;

import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A blue/green environment for a test: an engine (real daemon and registry), a real HAProxy of its own, and sample
 * releases built on demand. {@link #get()} asks the app through HAProxy's frontend, as a user would.
 */
public final class BlueGreenFixture implements AutoCloseable {

    public static final String ENVIRONMENT = "staging";

    private final Path dir;
    private final EngineFixture engine;
    private final HaproxyProcess haproxy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public BlueGreenFixture(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.engine = new EngineFixture(dir.resolve("state"));
        this.haproxy = HaproxyProcess.start(dir.resolve("haproxy"), "app");
    }

    public EngineFixture engine() {
        return engine;
    }

    public HaproxyProcess haproxy() {
        return haproxy;
    }

    /** The application name: unique per fixture, so container names never collide between tests. */
    public String app() {
        return "hello-" + engine.prefix();
    }

    /** Builds a release whose page says {@code page} and whose {@code /health} answers ok. */
    public ImageRef release(String page) throws IOException, ReleaseException {
        return build("ok", page, dockerfile -> dockerfile, true);
    }

    /** Builds a release without a {@code /health} file: its health check answers 404. */
    public ImageRef releaseWithoutHealth(String page) throws IOException, ReleaseException {
        return build("nohealth", page, dockerfile -> dockerfile, false);
    }

    /** Builds a release whose container exits at once. */
    public ImageRef releaseThatExits(String page) throws IOException, ReleaseException {
        return build("exits", page, dockerfile -> dockerfile.replace("ENTRYPOINT [\"/bin/busybox\", \"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/www\"]",
                "ENTRYPOINT [\"/bin/busybox\", \"sh\", \"-c\", \"echo giving up; exit 3\"]"), true);
    }

    /**
     * Builds a release whose {@code /health} answers ok but whose page, {@code /}, answers 500: busybox httpd runs
     * {@code /cgi-bin/index.cgi} when there is no {@code index.html}, and that script (run by busybox as {@code /bin/sh})
     * answers {@code Status: 500}. A canary of it passes the health gate and fails on traffic.
     */
    public ImageRef releaseThatFailsRequests(String page) throws IOException, ReleaseException {
        Path context = SampleApp.write(dir.resolve("contexts").resolve("fails-" + Integer.toHexString(page.hashCode())), page);
        Files.writeString(context.resolve("Dockerfile"), SampleApp.DOCKERFILE.replace("COPY www /www",
                "COPY www /www\nCOPY busybox /bin/sh"));
        Files.delete(context.resolve("www/index.html"));
        Path cgi = context.resolve("www/cgi-bin/index.cgi");
        Files.createDirectories(cgi.getParent());
        Files.writeString(cgi, "#!/bin/sh\nprintf 'Status: 500 Internal Server Error\\r\\nContent-Type: text/plain\\r\\n\\r\\n"
                + page + " failed\\n'\n");
        cgi.toFile().setExecutable(true, false);
        return engine.engine().build(engine.request(engine.repository("hello"), context).build()).release().ref();
    }

    private ImageRef build(String kind, String page, UnaryOperator<String> dockerfile, boolean healthy)
            throws IOException, ReleaseException {
        Path context = SampleApp.write(dir.resolve("contexts").resolve(kind + "-" + Integer.toHexString(page.hashCode())), page);
        Files.writeString(context.resolve("Dockerfile"), dockerfile.apply(SampleApp.DOCKERFILE));
        if (!healthy) {
            Files.delete(context.resolve("www/health"));
        }
        return engine.engine().build(engine.request(engine.repository("hello"), context).build()).release().ref();
    }

    /** A deploy request of {@code ref} to the fixture's environment, with its router and a quick health check. */
    public DeployRequest.Builder deployRequest(ImageRef ref) {
        return DeployRequest.builder().environment(ENVIRONMENT).ref(ref.toString()).app(app()).port(SampleApp.PORT)
                .healthPath("/health").healthTimeout("20s").haproxySocket(haproxy.socket().toString()).haproxyBackend("app");
    }

    public EnvironmentView deploy(ImageRef ref) throws ReleaseException {
        try {
            return engine.engine().deploy(deployRequest(ref).build());
        } catch (io.jenkins.plugins.immutable.engine.api.InvalidInputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the app answers through HAProxy now: the page, or {@code HTTP <status>}. */
    public String get() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + haproxy.frontendPort() + "/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body().strip() : "HTTP " + response.statusCode();
    }

    public URI frontend() {
        return URI.create("http://127.0.0.1:" + haproxy.frontendPort() + "/");
    }

    @Override
    public void close() throws Exception {
        try {
            engine.close();
        } finally {
            haproxy.close();
        }
    }
}
