package io.jenkins.plugins.immutable.engine.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftFinding.Kind;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import io.jenkins.plugins.immutable.engine.testing.FrontendLoad;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of drift, made behind the engine's back with the real daemon and HAProxy, found, and repaired; each
 * detection starts from the same environment checked clean first, and each repair is followed by a clean check.
 */
class DriftIT {

    private static final String ENV = BlueGreenFixture.ENVIRONMENT;

    @TempDir
    Path dir;

    private BlueGreenFixture env;
    private ImageRef v1;
    private ImageRef v2;

    @BeforeEach
    void open() throws Exception {
        env = new BlueGreenFixture(dir);
        v1 = env.release("v1");
        v2 = env.release("v2");
    }

    @AfterEach
    void close() throws Exception {
        env.close();
    }

    /** v1 warm in blue, v2 live in green, and the drift check says so: clean. */
    private EnvironmentView liveAndWarm() throws Exception {
        env.deploy(v1);
        EnvironmentView view = env.deploy(v2);
        assertClean(drift(false));
        return view;
    }

    @Test
    void aCleanEnvironmentHasNoFindings() throws Exception {
        liveAndWarm();
        DriftReport report = drift(true);
        assertThat(report.findings()).isEmpty();
        assertThat(report.repaired()).isEmpty();
        assertThat(env.get()).isEqualTo("v2");
    }

    @Test
    void unknownEnvironmentIsBadInputNamingTheEnvironment() {
        try {
            drift(false);
            throw new AssertionError("expected a failure");
        } catch (ReleaseException e) {
            assertThat(e).isInstanceOf(InvalidInputException.class);
            assertThat(((InvalidInputException) e).problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("environment"));
        }
    }

    @Test
    void aFileWrittenIntoTheLiveContainerIsFoundAndRepairedByReplacement() throws Exception {
        EnvironmentView view = liveAndWarm();
        String live = view.active().container();
        exec(live, "/bin/busybox", "sh", "-c", "echo defaced > /www/index.html");
        assertThat(env.get()).isEqualTo("defaced");

        DriftReport found = drift(false);
        assertThat(kinds(found)).containsExactly(Kind.FILES_CHANGED);
        DriftFinding finding = found.findings().get(0);
        assertThat(finding.colour()).isEqualTo(Colour.GREEN);
        assertThat(finding.container()).isEqualTo(live);
        assertThat(finding.found()).contains("/www/index.html");

        DriftReport repaired = drift(true);
        assertThat(repaired.remaining()).isEmpty();
        assertThat(repaired.repaired()).anySatisfy(line -> assertThat(line).startsWith("replaced green"));
        assertThat(env.get()).isEqualTo("v2");
        assertClean(drift(false));
        // A drifted container is never kept warm: the old green is gone, v2 runs fresh in blue.
        assertThat(env.engine().containerNames()).doesNotContain(live);
        assertThat(env.engine().engine().status(ENV).active().colour()).isEqualTo(Colour.BLUE);
    }

    @Test
    void aFileWrittenIntoTheWarmContainerIsFoundAndTheWarmColourReplacedByAFreshOne() throws Exception {
        EnvironmentView view = liveAndWarm();
        String warm = view.previous().container();
        String drifted = env.engine().docker().inspectContainerCmd(warm).exec().getId();
        exec(warm, "/bin/busybox", "sh", "-c", "echo x > /www/extra.html");

        DriftReport found = drift(false);
        assertThat(kinds(found)).containsExactly(Kind.FILES_CHANGED);
        assertThat(found.findings().get(0).colour()).isEqualTo(Colour.BLUE);

        assertThat(drift(true).remaining()).isEmpty();
        // The drifted container is gone; a fresh one of the same digest keeps the instant rollback.
        assertThat(env.engine().docker().listContainersCmd().withShowAll(true).exec()).noneMatch(c -> c.getId().equals(drifted));
        EnvironmentView after = env.engine().engine().status(ENV);
        assertThat(after.previous().state()).isEqualTo(io.jenkins.plugins.immutable.engine.api.DeploymentState.WARM);
        assertThat(after.previous().ref()).isEqualTo(view.previous().ref());
        assertThat(env.get()).isEqualTo("v2");
        assertClean(drift(false));
    }

    @Test
    void writesBelowAWritablePathAreNotDrift() throws Exception {
        env.engine().engine().deploy(env.deployRequest(v1).writablePaths(List.of("/tmp/cache")).build());
        assertClean(drift(false));
        String live = env.engine().engine().status(ENV).active().container();
        exec(live, "/bin/busybox", "mkdir", "-p", "/tmp/cache/sessions");
        exec(live, "/bin/busybox", "sh", "-c", "echo s > /tmp/cache/sessions/one");
        assertClean(drift(false));

        exec(live, "/bin/busybox", "sh", "-c", "echo x > /tmp/elsewhere");
        DriftReport found = drift(false);
        assertThat(kinds(found)).containsExactly(Kind.FILES_CHANGED);
        assertThat(found.findings().get(0).found()).isEqualTo("/tmp/elsewhere");
    }

    @Test
    void aContainerRunningAnotherImageUnderTheSameLabelsIsFoundAndRepaired() throws Exception {
        EnvironmentView view = liveAndWarm();
        String warm = view.previous().container(); // blue, labelled v1
        recreate(warm, v2.toString(), null, null);

        DriftReport found = drift(false);
        assertThat(kinds(found)).containsExactly(Kind.IMAGE);
        assertThat(found.findings().get(0).expected()).isEqualTo(v1.toString());
        assertThat(found.findings().get(0).found()).isEqualTo(v2.toString());

        assertThat(drift(true).remaining()).isEmpty();
        assertClean(drift(false));
        assertThat(env.get()).isEqualTo("v2");
    }

    @Test
    void aLiveContainerRecreatedWithOtherEnvAndCommandIsFoundAndRepairedWithoutAFailedRequest() throws Exception {
        EnvironmentView view = liveAndWarm();
        String live = view.active().container();
        recreate(live, v2.toString(), List.of("DEBUG=1"), List.of("-v"));
        assertThat(env.get()).isEqualTo("v2");

        DriftReport found = drift(false);
        assertThat(kinds(found)).containsOnly(Kind.CONFIG);
        assertThat(found.findings()).extracting(DriftFinding::what).containsExactlyInAnyOrder("env", "command");

        // The load runs through the repair: answers before it and after it.
        FrontendLoad load = FrontendLoad.start(env.frontend(), 3);
        load.awaitMore("v2", 20);
        DriftReport repaired = drift(true);
        load.awaitMore("v2", 20);
        load.stop();
        assertThat(repaired.remaining()).isEmpty();
        assertThat(load.failures.get()).as("failed requests: " + load.answers + env.haproxy().unusualRequests()).isZero();
        assertThat(load.answers.keySet()).containsExactly("v2");
        assertThat(load.total()).isGreaterThan(20);
        assertClean(drift(false));
    }

    @Test
    void anExtraLabelledContainerIsUnknownAndRemovedWhenItTakesNoTraffic() throws Exception {
        liveAndWarm();
        DockerClient docker = env.engine().docker();
        String name = env.engine().prefix() + "-stray";
        String id = docker.createContainerCmd(v1.toString()).withName(name)
                .withLabels(Map.of(TargetLabels.ENVIRONMENT, ENV)).exec().getId();
        docker.startContainerCmd(id).exec();

        DriftReport found = drift(false);
        assertThat(kinds(found)).containsExactly(Kind.UNKNOWN_CONTAINER);
        assertThat(found.findings().get(0).container()).isEqualTo(name);
        assertThat(found.findings().get(0).colour()).isNull();

        DriftReport repaired = drift(true);
        assertThat(repaired.remaining()).isEmpty();
        assertThat(repaired.repaired()).containsExactly(
                "removed the unknown container " + name + " (its labels are missing or malformed); it took no traffic");
        assertThat(env.engine().containerNames()).doesNotContain(name);
        assertClean(drift(false));
    }

    @Test
    void theLiveServerPointedElsewhereIsFoundAndRepaired() throws Exception {
        liveAndWarm();
        int nothing;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothing = socket.getLocalPort();
        }
        admin("set server app/green addr 127.0.0.1 port " + nothing);

        DriftReport found = drift(false);
        assertThat(kinds(found)).containsExactly(Kind.ROUTER);
        assertThat(found.findings().get(0).what()).isEqualTo(RouterCheck.ADDRESS);
        assertThat(found.findings().get(0).found()).isEqualTo("127.0.0.1:" + nothing);

        assertThat(drift(true).remaining()).isEmpty();
        assertThat(env.get()).isEqualTo("v2");
        assertClean(drift(false));
    }

    @Test
    void aChangedWeightAndAnIdleServerSetReadyAreFoundAndSetBack() throws Exception {
        liveAndWarm();
        admin("set weight app/green 50");
        admin("set server app/blue state ready");

        DriftReport found = drift(false);
        assertThat(kinds(found)).containsOnly(Kind.ROUTER);
        assertThat(found.findings()).extracting(DriftFinding::what)
                .containsExactlyInAnyOrder(RouterCheck.WEIGHT, RouterCheck.IDLE_STATE);

        DriftReport repaired = drift(true);
        assertThat(repaired.remaining()).isEmpty();
        assertThat(repaired.repaired()).hasSize(2);
        assertClean(drift(false));
        assertThat(env.get()).isEqualTo("v2");
    }

    private DriftReport drift(boolean repair) throws ReleaseException {
        return env.engine().engine().drift(ENV, repair, null);
    }

    private static void assertClean(DriftReport report) {
        assertThat(report.findings()).as("findings").isEmpty();
        assertThat(report.drifted()).isFalse();
    }

    private static List<Kind> kinds(DriftReport report) {
        return report.findings().stream().map(DriftFinding::kind).distinct().toList();
    }

    private void admin(String command) throws ReleaseException {
        env.haproxy().router().runtime().execute(command);
    }

    /** Runs a command in a container through the real daemon, as someone with shell access would. */
    private void exec(String container, String... command) throws InterruptedException {
        assertThat(env.engine().exec(container, command)).as("exit of " + String.join(" ", command)).isZero();
    }

    /**
     * Replaces a container behind the engine's back: same name, labels, loopback port and restart policy, but from
     * {@code image}, with {@code env} and {@code cmd} when given.
     */
    private void recreate(String name, String image, List<String> envVars, List<String> cmd) {
        DockerClient docker = env.engine().docker();
        InspectContainerResponse old = docker.inspectContainerCmd(name).exec();
        ExposedPort port = ExposedPort.tcp(8080);
        String hostPort = old.getNetworkSettings().getPorts().getBindings().get(port)[0].getHostPortSpec();
        docker.removeContainerCmd(name).withForce(true).exec();
        Ports bindings = new Ports();
        bindings.bind(port, Ports.Binding.bindIpAndPort("127.0.0.1", Integer.parseInt(hostPort)));
        var create = docker.createContainerCmd(image).withName(name).withLabels(old.getConfig().getLabels())
                .withExposedPorts(port).withHostConfig(HostConfig.newHostConfig().withPortBindings(bindings)
                        .withRestartPolicy(RestartPolicy.unlessStoppedRestart()));
        if (envVars != null) {
            create.withEnv(envVars);
        }
        if (cmd != null) {
            create.withCmd(cmd);
        }
        docker.startContainerCmd(create.exec().getId()).exec();
    }
}
