package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.testing.AdminSocketRelay;
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
        // Only that a time is reported: how fast a switch is belongs to the benchmarks, not to a pass/fail check.
        assertThat(toBlue).isNotNegative();
        assertThat(toGreen).isNotNegative();
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
    void newRequestsMoveAtOnceWhileTheSwitchWaitsForTheRequestInFlightOnTheOldColour() throws Exception {
        router.switchTo(Colour.BLUE, blue.port(), DRAIN);
        CompletableFuture<HttpResponse<String>> held = getAsync("/held");
        awaitSessions(Colour.BLUE, 1);

        CompletableFuture<Long> switching = CompletableFuture.supplyAsync(() -> switchTo(Colour.GREEN, green.port(), Duration.ofSeconds(30)));
        awaitState(s -> s.live().equals(java.util.Set.of(Colour.GREEN)) && s.blue().admin() == AdminState.DRAIN);

        // Blue's request is still held by the application, so these can only be after the cutover and before it finished.
        assertThat(body("/")).as("new requests go to green while blue's request is in flight").isEqualTo("green");
        assertThat(held).as("blue's request is still in flight").isNotDone();
        assertThat(switching).as("the switch waits for blue's request in flight").isNotDone();
        assertThat(router.state().blue().sessions()).isEqualTo(1);

        blue.release();
        assertThat(switching.get(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNegative();
        assertThat(router.state().blue().admin()).as("blue is taken out once its request finished").isEqualTo(AdminState.MAINT);
        HttpResponse<String> response = held.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("blue");
        assertThat(events).as("the request finished within the drain timeout: no warning").isEmpty();
    }

    @Test
    void aDrainTimeoutWarnsAndTheRequestInFlightStillFinishes() throws Exception {
        router.switchTo(Colour.BLUE, blue.port(), DRAIN);
        CompletableFuture<HttpResponse<String>> held = getAsync("/held");
        awaitSessions(Colour.BLUE, 1);

        router.switchTo(Colour.GREEN, green.port(), Duration.ofMillis(100));

        assertThat(held).as("blue's request is held until the test lets it go").isNotDone();
        assertThat(router.state().blue().admin()).isEqualTo(AdminState.MAINT);
        assertThat(body("/")).isEqualTo("green");
        assertThat(events).singleElement().isInstanceOf(EngineEvent.Warning.class).extracting(EngineEvent::message)
                .asString().contains("blue still had 1 request(s) in flight", "100 ms");
        blue.release();
        HttpResponse<String> response = held.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).as("maint does not cut a request in flight").isEqualTo(200);
        assertThat(response.body()).isEqualTo("blue");
    }

    /** Green tracks a server in maintenance: HAProxy answers 'set server app/green state ready' but keeps it out. */
    private static final java.util.function.UnaryOperator<String> GREEN_HELD_BY_A_TRACKED_SERVER = cfg -> cfg.replace(
            "server green 127.0.0.1:1 disabled", "server green 127.0.0.1:1 disabled track app/gate\n    server gate 127.0.0.1:1 check disabled");

    @Test
    void aCutoverHaproxyDoesNotTakeIsRevertedAndTheOldColourKeepsTheTraffic() throws Exception {
        try (HaproxyProcess gated = HaproxyProcess.start(dir.resolve("gated"), "app", GREEN_HELD_BY_A_TRACKED_SERVER)) {
            HaproxyRouter r = new HaproxyRouter(new HaproxyRuntime(gated.socket()), "app", events::add);
            r.switchTo(Colour.BLUE, blue.port(), DRAIN);

            assertThatThrownBy(() -> r.switchTo(Colour.GREEN, green.port(), DRAIN))
                    .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED_SAFELY))
                    .hasMessageContaining("'set server app/green state ready' but did not take it")
                    .hasMessageContaining("Traffic did not move: green is back in MAINT");

            RouterState now = r.state();
            assertThat(now.live()).as("blue, drained in the same line as green's ready, is ready again").containsExactly(Colour.BLUE);
            assertThat(now.blue().admin()).isEqualTo(AdminState.READY);
            assertThat(now.green().admin()).isEqualTo(AdminState.MAINT);
            assertThat(body(gated, "/")).isEqualTo("blue");
        }
    }

    @Test
    void aFirstSwitchHaproxyDoesNotTakeIsUndoneSoTheColourCannotGetTrafficLater() throws Exception {
        try (HaproxyProcess gated = HaproxyProcess.start(dir.resolve("gated"), "app", GREEN_HELD_BY_A_TRACKED_SERVER)) {
            HaproxyRouter r = new HaproxyRouter(new HaproxyRuntime(gated.socket()), "app", events::add);

            assertThatThrownBy(() -> r.switchTo(Colour.GREEN, green.port(), DRAIN))
                    .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED_SAFELY))
                    .hasMessageContaining("Traffic did not move: green is back in MAINT");

            // The server green tracks comes up behind the engine's back. Had green been left 'ready', it would now take
            // traffic that no switch gave it; put back in maintenance, it stays out.
            for (String command : List.of("disable health app/gate", "set server app/gate state ready", "set server app/gate health up")) {
                r.runtime().execute(command);
            }
            assertThat(r.state().live()).isEmpty();
            assertThat(get(gated, "/").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void anOldColourHaproxyWillNotPutInMaintenanceIsAWarningAfterTheSwitchNotAFailure() throws Exception {
        Path operator = dir.resolve("operator.sock");
        try (HaproxyProcess withOperator = HaproxyProcess.start(dir.resolve("operator"), "app",
                cfg -> cfg.replace("level admin\n", "level admin\n" + AdminSocketRelay.operatorSocketLine(operator)));
                AdminSocketRelay relay = AdminSocketRelay.start(dir.resolve("relay.sock"), withOperator.socket(), operator)) {
            HaproxyRouter r = new HaproxyRouter(new HaproxyRuntime(relay.socket()), "app", events::add);
            r.switchTo(Colour.BLUE, blue.port(), DRAIN);
            relay.refuse("app/blue state maint");

            r.switchTo(Colour.GREEN, green.port(), DRAIN);

            assertThat(relay.refusals()).as("HAProxy was asked to put blue in maintenance, and refused").isEqualTo(1);
            assertThat(body(withOperator, "/")).isEqualTo("green");
            RouterState now = r.state();
            assertThat(now.live()).containsExactly(Colour.GREEN);
            assertThat(now.blue().admin()).as("blue takes no new requests all the same").isEqualTo(AdminState.DRAIN);
            assertThat(events).singleElement().isInstanceOf(EngineEvent.Warning.class).extracting(EngineEvent::message)
                    .asString().contains("blue could not be put into maintenance", "permission denied", "disable server app/blue");
        }
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

    private long switchTo(Colour colour, int port, Duration drain) {
        try {
            return router.switchTo(colour, port, drain);
        } catch (ReleaseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitState(java.util.function.Predicate<RouterState> wanted) throws Exception {
        // A guard against hanging, not a bound on speed.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!wanted.test(router.state())) {
            assertThat(System.nanoTime() - deadline).as("the router reaches the state; now %s", router.state().describe()).isNegative();
            Thread.sleep(5);
        }
    }

    private String body(HaproxyProcess other, String path) throws Exception {
        HttpResponse<String> response = get(other, path);
        assertThat(response.statusCode()).as("GET %s through HAProxy", path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(HaproxyProcess other, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.frontendPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
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
