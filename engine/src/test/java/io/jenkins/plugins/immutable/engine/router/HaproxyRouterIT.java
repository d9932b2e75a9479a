package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.TextServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router against a real HAProxy, with two tiny HTTP servers as the blue and green applications. */
class HaproxyRouterIT {

    private static final Duration DRAIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private HaproxyProcess haproxy;
    private TextServer blue;
    private TextServer green;
    private HaproxyRouter router;
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        haproxy = HaproxyProcess.start(dir, "app");
        blue = TextServer.start("blue");
        green = TextServer.start("green");
        router = new HaproxyRouter(new HaproxyRuntime(haproxy.socket()), haproxy.backend(), events::add);
    }

    @AfterEach
    void stop() throws Exception {
        haproxy.close();
        blue.close();
        green.close();
    }

    @Test
    void aFreshRouterHasNoLiveColourAndAnswers503() throws Exception {
        RouterState state = router.state();

        assertThat(state.live()).isEmpty();
        assertThat(state.blue()).isEqualTo(new ServerState("blue", "127.0.0.1", 1, AdminState.MAINT, OperationalState.STOPPED, 0));
        assertThat(state.green()).isEqualTo(new ServerState("green", "127.0.0.1", 1, AdminState.MAINT, OperationalState.STOPPED, 0));
        assertThat(get("/").statusCode()).isEqualTo(503);
    }

    @Test
    void switchingToBlueThenGreenMovesTrafficAndLeavesBlueWarmInMaintenance() throws Exception {
        long toBlue = router.switchTo(Colour.BLUE, blue.port(), DRAIN);

        assertThat(body("/")).isEqualTo("blue");
        assertThat(router.state().live()).containsExactly(Colour.BLUE);

        long toGreen = router.switchTo(Colour.GREEN, green.port(), DRAIN);

        assertThat(body("/")).isEqualTo("green");
        RouterState state = router.state();
        assertThat(state.live()).containsExactly(Colour.GREEN);
        assertThat(state.green().pointsAt(green.port())).isTrue();
        assertThat(state.blue().admin()).isEqualTo(AdminState.MAINT);
        assertThat(state.blue().pointsAt(blue.port())).as("blue keeps its address for an instant rollback").isTrue();
        assertThat(toBlue).isBetween(0L, 1000L);
        assertThat(toGreen).isBetween(0L, 1000L);
        assertThat(events).isEmpty();
    }

    @Test
    void aKeepAliveClientFollowsTheSwitchOnItsNextRequest() throws Exception {
        router.switchTo(Colour.BLUE, blue.port(), DRAIN);
        assertThat(body("/")).isEqualTo("blue");
        assertThat(body("/")).isEqualTo("blue");

        router.switchTo(Colour.GREEN, green.port(), DRAIN);
        assertThat(body("/")).isEqualTo("green");

        router.switchTo(Colour.BLUE, blue.port(), DRAIN);
        assertThat(body("/")).isEqualTo("blue");

        // HttpClient pools its connection; HAProxy's frontend counts the connections it accepted: one for all five.
        assertThat(frontendConnections()).isEqualTo(1);
    }

    @Test
    void switchingToTheLiveColourAtItsPortChangesNothing() throws Exception {
        router.switchTo(Colour.BLUE, blue.port(), DRAIN);
        RouterState before = router.state();

        long millis = router.switchTo(Colour.BLUE, blue.port(), DRAIN);

        assertThat(millis).isZero();
        assertThat(router.state()).isEqualTo(before);
        assertThat(body("/")).isEqualTo("blue");
    }

    @Test
    void theSwitchWaitsForRequestsInFlightOnTheOldColour() throws Exception {
        router.switchTo(Colour.BLUE, blue.port(), DRAIN);
        CompletableFuture<HttpResponse<String>> slow = getAsync("/slow?ms=800");
        awaitSessions(Colour.BLUE, 1);

        long switchMillis = router.switchTo(Colour.GREEN, green.port(), DRAIN);

        assertThat(switchMillis).as("new requests moved before blue's 800 ms request finished").isLessThan(800);
        assertThat(slow).as("the call returned only after blue's request finished").isDone();
        assertThat(router.state().blue().admin()).isEqualTo(AdminState.MAINT);
        HttpResponse<String> response = slow.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("blue");
        assertThat(events).isEmpty();
    }

    @Test
    void aDrainTimeoutWarnsAndTheRequestInFlightStillFinishes() throws Exception {
        router.switchTo(Colour.BLUE, blue.port(), DRAIN);
        CompletableFuture<HttpResponse<String>> slow = getAsync("/slow?ms=1500");
        awaitSessions(Colour.BLUE, 1);

        router.switchTo(Colour.GREEN, green.port(), Duration.ofMillis(100));

        assertThat(router.state().blue().admin()).isEqualTo(AdminState.MAINT);
        assertThat(body("/")).isEqualTo("green");
        assertThat(events).singleElement().isInstanceOf(EngineEvent.Warning.class).extracting(EngineEvent::message)
                .asString().contains("blue still had 1 request(s) in flight", "100 ms");
        HttpResponse<String> response = slow.get();
        assertThat(response.statusCode()).as("maint does not cut a request in flight").isEqualTo(200);
        assertThat(response.body()).isEqualTo("blue");
    }

    @Test
    void aRepointedColourServesItsNewAddressNotAnOldConnection() throws Exception {
        router.switchTo(Colour.BLUE, blue.port(), DRAIN);
        assertThat(body("/")).isEqualTo("blue");
        router.switchTo(Colour.GREEN, green.port(), DRAIN);

        try (TextServer blue2 = TextServer.start("blue2")) {
            router.point(Colour.BLUE, blue2.port());
            assertThat(router.state().blue().admin()).as("point does not enable").isEqualTo(AdminState.MAINT);
            assertThat(body("/")).isEqualTo("green");

            router.switchTo(Colour.BLUE, blue2.port(), DRAIN);

            assertThat(body("/")).isEqualTo("blue2");
            assertThat(body("/")).isEqualTo("blue2");
        }
    }

    @Test
    void disablingTheOnlyLiveColourLeavesNoServer() throws Exception {
        router.switchTo(Colour.BLUE, blue.port(), DRAIN);

        router.disable(Colour.BLUE);

        assertThat(router.state().live()).isEmpty();
        assertThat(get("/").statusCode()).isEqualTo(503);
        router.disable(Colour.BLUE);
    }

    @Test
    void aLiveColourIsNotRepointed() throws Exception {
        router.switchTo(Colour.BLUE, blue.port(), DRAIN);
        RouterState before = router.state();

        assertThatThrownBy(() -> router.point(Colour.BLUE, green.port()))
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED_SAFELY))
                .hasMessageContaining("app/blue").hasMessageContaining("takes live traffic").hasMessageContaining("switch to green");
        assertThatThrownBy(() -> router.switchTo(Colour.BLUE, green.port(), DRAIN))
                .isInstanceOf(ReleaseException.class).hasMessageContaining("Traffic did not move");
        assertThat(router.state()).isEqualTo(before);
    }

    @Test
    void anUnknownBackendIsAClearError() {
        HaproxyRouter wrong = new HaproxyRouter(new HaproxyRuntime(haproxy.socket()), "shop");

        assertThatThrownBy(wrong::state)
                .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                .hasMessageContaining("has no backend 'shop'").hasMessageContaining(haproxy.socket().toString());
        assertThatThrownBy(() -> wrong.switchTo(Colour.BLUE, blue.port(), DRAIN)).hasMessageContaining("has no backend 'shop'");
    }

    @Test
    void portsOutsideTheTcpRangeAreRefusedBeforeHaproxyWrapsThem() throws Exception {
        assertThatThrownBy(() -> router.switchTo(Colour.BLUE, 70000, DRAIN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(router.state().blue().port()).isEqualTo(1);
    }

    private int frontendConnections() throws ReleaseException {
        String csv = router.runtime().execute("show stat app-in 1 -1");
        List<String> header = StatCsv.fields(csv.lines().findFirst().orElseThrow().substring(2));
        List<String> frontend = StatCsv.fields(csv.lines().skip(1).findFirst().orElseThrow());
        return Integer.parseInt(frontend.get(header.indexOf("conn_tot")));
    }

    private void awaitSessions(Colour colour, int sessions) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (router.state().server(colour).sessions() < sessions) {
            assertThat(System.nanoTime() - deadline).as("%s sessions reach %d", colour, sessions).isNegative();
            Thread.sleep(5);
        }
    }

    private String body(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("GET %s through HAProxy", path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path), BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String path) {
        // Its own client, so the slow request does not occupy the connection the other requests reuse.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(request(path), BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + haproxy.frontendPort() + path))
                .timeout(Duration.ofSeconds(10)).build();
    }
}
