package io.jenkins.plugins.immutable.engine.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException.Component;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime API client against a real HAProxy, and against sockets where no HAProxy answers. */
class HaproxyRuntimeIT {

    @TempDir
    Path dir;

    @Test
    void aRealHaproxyAnswers() throws Exception {
        try (HaproxyProcess haproxy = HaproxyProcess.start(dir, "app")) {
            assertThat(new HaproxyRuntime(haproxy.socket()).execute("show info")).contains("Name: HAProxy", "Version: 2.6");
        }
    }

    @Test
    void aMissingSocketNamesThePathAndTheStatsSocketLine() {
        Path socket = dir.resolve("nothing-here.sock");

        assertThatThrownBy(() -> new HaproxyRuntime(socket).execute("show info"))
                .satisfies(unreachableAt(socket))
                .hasMessageContaining("there is no socket file " + socket)
                .hasMessageContaining("Is haproxy running with 'stats socket " + socket + " mode 600 level admin'");
    }

    @Test
    void aRouterOnAMissingSocketIsUnreachable() {
        Path socket = dir.resolve("gone.sock");
        HaproxyRouter router = new HaproxyRouter(new HaproxyRuntime(socket), "app");

        assertThatThrownBy(router::state).satisfies(unreachableAt(socket));
        assertThatThrownBy(() -> router.switchTo(Colour.GREEN, 8080, Duration.ZERO)).satisfies(unreachableAt(socket));
    }

    @Test
    void aSocketLeftByAStoppedHaproxyRefuses() throws Exception {
        Path socket = dir.resolve("stale.sock");
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();

        assertThatThrownBy(() -> new HaproxyRuntime(socket).execute("show info"))
                .satisfies(unreachableAt(socket)).hasMessageContaining("connection refused");
    }

    @Test
    void aSocketThatNeverAnswersTimesOut() throws Exception {
        Path socket = dir.resolve("silent.sock");
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(socket));
            HaproxyRuntime runtime = new HaproxyRuntime(socket, Duration.ofMillis(300), Duration.ofMillis(300));
            long started = System.nanoTime();

            assertThatThrownBy(() -> runtime.execute("show info"))
                    .satisfies(unreachableAt(socket)).hasMessageContaining("no answer to 'show info' within 300 ms");
            // The configured 300 ms applied, not the 10 s default.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(HaproxyRuntime.DEFAULT_READ_TIMEOUT);
        }
    }

    @Test
    void aFileThatIsNoSocketIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("haproxy.cfg"), "global\n");

        assertThatThrownBy(() -> new HaproxyRuntime(file).execute("show info"))
                .satisfies(unreachableAt(file)).hasMessageContaining("is not a socket");
    }

    @Test
    void aSocketWithoutAdminLevelIsABadInputNamingTheRemedy() throws Exception {
        Path operatorSocket = dir.resolve("operator.sock");
        try (HaproxyProcess haproxy = HaproxyProcess.start(dir, "app", cfg -> cfg.replace("level admin\n",
                "level admin\n    stats socket " + operatorSocket + " mode 600 level operator\n"))) {
            HaproxyRouter router = new HaproxyRouter(new HaproxyRuntime(operatorSocket), haproxy.backend());

            assertThat(router.state().live()).as("reading needs no admin level").isEmpty();
            assertThatThrownBy(() -> router.switchTo(Colour.BLUE, 8080, Duration.ZERO))
                    .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                    .hasMessageContaining("permission denied")
                    .hasMessageContaining("'stats socket " + operatorSocket + " mode 600 level admin'");
        }
    }

    @Test
    void aBackendWithoutGreenIsABadInputNamingTheServers() throws Exception {
        try (HaproxyProcess haproxy = HaproxyProcess.start(dir, "app", cfg -> cfg.replace("    server green 127.0.0.1:1 disabled\n",
                "    server spare 127.0.0.1:1 disabled\n"))) {
            HaproxyRouter router = haproxy.router();

            assertThatThrownBy(router::state)
                    .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT))
                    .hasMessageContaining("Backend 'app'").hasMessageContaining("no server 'green' (it has blue, spare)");
            assertThatThrownBy(() -> router.runtime().execute("set server app/green state ready"))
                    .hasMessageContaining("no server 'green'").hasMessageContaining("No such server.");
        }
    }

    @Test
    void commandsAreSentOneAtATime() {
        HaproxyRuntime runtime = new HaproxyRuntime(dir.resolve("any.sock"));

        assertThatThrownBy(() -> runtime.execute("show info; set server app/blue state ready"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runtime.execute("show info\nshow stat")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Consumer<Throwable> unreachableAt(Path socket) {
        return thrown -> {
            assertThat(thrown).isInstanceOf(ComponentUnreachableException.class);
            ComponentUnreachableException e = (ComponentUnreachableException) thrown;
            assertThat(e.component()).isEqualTo(Component.ROUTER);
            assertThat(e.address()).isEqualTo(socket.toString());
            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(e.getMessage()).contains(socket.toString());
        };
    }
}
