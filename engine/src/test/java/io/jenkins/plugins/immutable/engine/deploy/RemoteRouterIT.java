package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.router.HaproxyRuntime;
import io.jenkins.plugins.immutable.engine.testing.EngineFixture;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HAProxy's runtime API over TCP ({@code stats socket ipv4@127.0.0.1:PORT level admin}): a whole blue/green story
 * through it, and the failures of an address that does not answer.
 */
class RemoteRouterIT {

    @TempDir
    Path dir;

    @Test
    void deployDeployRollbackThroughTheTcpAdminSocket() throws Exception {
        int adminPort = freePort();
        String tcp = "tcp://127.0.0.1:" + adminPort;
        try (EngineFixture engine = new EngineFixture(dir.resolve("state"));
                HaproxyProcess haproxy = HaproxyProcess.start(dir.resolve("haproxy"), "app", config -> config.replaceFirst(
                        "(stats socket \\S+ mode 600 level admin)", "$1\n    stats socket ipv4@127.0.0.1:" + adminPort + " level admin"))) {
            assertThat(new HaproxyRuntime(HaproxyAddress.parse(tcp)).execute("show info")).contains("Name: HAProxy");
            String app = "tcp-" + engine.prefix();
            ImageRef v1 = release(engine, "v1");
            ImageRef v2 = release(engine, "v2");

            EnvironmentView first = engine.engine().deploy(request(engine, app, v1).haproxySocket(tcp).build());
            assertThat(first.active().colour()).isEqualTo(Colour.BLUE);
            assertThat(get(haproxy)).isEqualTo("v1");

            // the second deploy names no socket: the TCP address is stored with the environment
            EnvironmentView second = engine.engine().deploy(request(engine, app, v2).build());
            assertThat(second.active().colour()).isEqualTo(Colour.GREEN);
            assertThat(second.routerLive()).isEqualTo("green");
            assertThat(get(haproxy)).isEqualTo("v2");

            EnvironmentView back = engine.engine().rollback(RollbackRequest.of("prod", null, null));
            assertThat(back.active().ref()).isEqualTo(v1);
            assertThat(get(haproxy)).isEqualTo("v1");
            assertThat(io.jenkins.plugins.immutable.engine.ledger.Ledger.open(engine.stateDir()).stateJson("prod").orElseThrow())
                    .contains("\"haproxyTcp\" : \"" + tcp + "\"").doesNotContain("haproxySocket");
        }
    }

    @Test
    void aTcpAddressNobodyListensOnIsUnreachableNamingIt() throws Exception {
        String tcp = "tcp://127.0.0.1:" + freePort();
        ComponentUnreachableException e = catchThrowableOfType(ComponentUnreachableException.class,
                () -> new HaproxyRuntime(HaproxyAddress.parse(tcp)).execute("show info"));
        assertThat(e.component()).isEqualTo(ComponentUnreachableException.Component.ROUTER);
        assertThat(e.address()).isEqualTo(tcp);
        assertThat(e.getMessage()).isEqualTo("HAProxy router at " + tcp + " is unreachable: connection refused (nothing listens on"
                + " 127.0.0.1:" + tcp.substring(tcp.lastIndexOf(':') + 1) + "). Is haproxy running with 'stats socket ipv4@127.0.0.1:"
                + tcp.substring(tcp.lastIndexOf(':') + 1) + " level admin' in its global section?");

        try (EngineFixture engine = new EngineFixture(dir.resolve("state"))) {
            ComponentUnreachableException deploy = catchThrowableOfType(ComponentUnreachableException.class,
                    () -> engine.engine().deploy(request(engine, "nobody-" + engine.prefix(), ImageRef.parse(engine.repository("x")
                            + "@sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645a")).haproxySocket(tcp).build()));
            assertThat(deploy.address()).isEqualTo(tcp);
            assertThat(engine.containerNames()).noneMatch(n -> n.contains(engine.prefix()));
        }
    }

    @Test
    void anAddressThatAcceptsButNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread accepter = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(5_000);
                } catch (Exception done) {
                    // the test closed the socket
                }
            });
            accepter.setDaemon(true);
            accepter.start();
            String tcp = "tcp://127.0.0.1:" + silent.getLocalPort();
            long start = System.nanoTime();
            ComponentUnreachableException e = catchThrowableOfType(ComponentUnreachableException.class,
                    () -> new HaproxyRuntime(HaproxyAddress.parse(tcp), Duration.ofMillis(300), Duration.ofMillis(300))
                            .execute("show info"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(e.getMessage()).startsWith("HAProxy router at " + tcp + " is unreachable: no answer to 'show info' within 300 ms");
            accepter.interrupt();
        }
    }

    private DeployRequest.Builder request(EngineFixture engine, String app, ImageRef ref) {
        return DeployRequest.builder().environment("prod").ref(ref.toString()).app(app).port(SampleApp.PORT).healthPath("/health")
                .healthTimeout("20s").haproxyBackend("app");
    }

    private ImageRef release(EngineFixture engine, String page) throws Exception {
        Path context = SampleApp.write(dir.resolve("contexts").resolve(page), page);
        return engine.engine().build(engine.request(engine.repository("hello"), context).build()).release().ref();
    }

    private static String get(HaproxyProcess haproxy) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + haproxy.frontendPort() + "/")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body().strip() : "HTTP " + response.statusCode();
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
