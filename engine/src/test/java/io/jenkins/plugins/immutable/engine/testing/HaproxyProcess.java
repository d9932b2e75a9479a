package io.jenkins.plugins.immutable.engine.testing;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.router.HaproxyConfig;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.HaproxyRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real HAProxy for a test: {@link HaproxyConfig}'s configuration for one backend, a frontend on a free loopback
 * port and an admin socket, run in the foreground ({@code haproxy -f cfg -db}) as a child of the test JVM.
 * {@link #start} returns once the admin socket answers; {@link #close()} stops it.
 *
 * <pre>{@code
 * try (HaproxyProcess haproxy = HaproxyProcess.start(tempDir, "app")) {
 *     haproxy.router().switchTo(Colour.BLUE, bluePort, Duration.ofSeconds(5));
 *     // http://127.0.0.1:<haproxy.frontendPort()>/ now reaches blue
 * }
 * }</pre>
 */
public final class HaproxyProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(15);
    /** Another process may take the free port between probing and binding it; then haproxy is started again. */
    private static final int ATTEMPTS = 3;

    private Process process;
    private final int frontendPort;
    private final Path socket;
    private final String backend;
    private final Path ownedSocketDir;
    private final Path dir;

    private HaproxyProcess(Process process, int frontendPort, Path socket, String backend, Path ownedSocketDir, Path dir) {
        this.dir = dir;
        this.process = process;
        this.frontendPort = frontendPort;
        this.socket = socket;
        this.backend = backend;
        this.ownedSocketDir = ownedSocketDir;
    }

    /**
     * Starts HAProxy with {@code haproxy.cfg} and {@code haproxy.log} in {@code dir} and the admin socket
     * {@code dir/haproxy.sock} (in a short temporary folder instead when that path is too long for a unix socket).
     */
    public static HaproxyProcess start(Path dir, String backend) throws IOException, InterruptedException {
        return start(dir, backend, UnaryOperator.identity());
    }

    /**
     * Like {@link #start(Path, String)}, with the rendered configuration passed through {@code editConfig} first:
     * for tests of a misconfigured router (a socket without admin level, a backend without a colour).
     */
    public static HaproxyProcess start(Path dir, String backend, UnaryOperator<String> editConfig)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path socket = dir.toAbsolutePath().resolve("haproxy.sock");
        Path ownedSocketDir = null;
        if (socket.toString().length() > HaproxyConfig.MAX_SOCKET_PATH_BYTES) {
            ownedSocketDir = Files.createTempDirectory(Path.of("/tmp"), "hap");
            socket = ownedSocketDir.resolve("haproxy.sock");
        }
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int port = freePort();
            Path config = dir.resolve("haproxy.cfg");
            Files.writeString(config, withRequestLog(editConfig.apply(new HaproxyConfig(socket, port, backend).render())));
            Path log = dir.resolve("haproxy.log");
            Process process = new ProcessBuilder(TestServices.get().haproxyBinary().toString(), "-f", config.toString(), "-db")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitSocket(process, socket, log);
                return new HaproxyProcess(process, port, socket, backend, ownedSocketDir, dir);
            } catch (IOException e) {
                stop(process);
                last = e;
                if (!Files.readString(log, StandardCharsets.UTF_8).contains("cannot bind")) {
                    break;
                }
            }
        }
        throw last;
    }

    /**
     * Adds a line per request to haproxy.log (HAProxy's standard error): which server answered, its timers and how the
     * session ended. Only in tests, to explain a request that failed or stalled under load ({@link #unusualRequests}).
     */
    static String withRequestLog(String config) {
        return config.replaceFirst("(?m)^global\\n", "global\n    log stderr format short local0 info\n")
                .replaceFirst("(?m)^defaults\\n", "defaults\n    log global\n    option httplog\n");
    }

    /**
     * The requests of haproxy.log that did not end as a plain success: a status other than 2xx, a termination state
     * other than {@code ----} (e.g. {@code sH--}: the server timed out), or a total time of a second or more. Empty
     * when there were none; for the message of a failed load assertion.
     */
    public String unusualRequests() {
        try {
            java.util.List<String> unusual = new java.util.ArrayList<>();
            java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                    " (-?\\d+)/(-?\\d+)/(-?\\d+)/(-?\\d+)/(-?\\d+) (\\d{3}) \\d+ \\S+ \\S+ (\\S{4}) ");
            for (String l : Files.readAllLines(dir.resolve("haproxy.log"), StandardCharsets.UTF_8)) {
                java.util.regex.Matcher m = line.matcher(l);
                if (m.find() && (!m.group(6).startsWith("2") || !m.group(7).equals("----") || Long.parseLong(m.group(5)) >= 1000)) {
                    unusual.add(l);
                }
            }
            return unusual.isEmpty() ? "" : "\nHAProxy's unusual requests:\n" + String.join("\n", unusual);
        } catch (IOException | RuntimeException e) {
            return "\n(haproxy.log unreadable: " + e + ")";
        }
    }

    /**
     * Stops this HAProxy and starts it again with the same configuration, frontend port and admin socket, as a host
     * restart or a crash and restart would: every server is back as haproxy.cfg declares it ({@code disabled}).
     */
    public void restart() throws IOException, InterruptedException {
        stop(process);
        Files.deleteIfExists(socket);
        Path log = dir.resolve("haproxy.log");
        process = new ProcessBuilder(TestServices.get().haproxyBinary().toString(), "-f", dir.resolve("haproxy.cfg").toString(), "-db")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitSocket(process, socket, log);
    }

    /** The loopback port of the frontend: {@code http://127.0.0.1:<port>/} reaches the live colour. */
    public int frontendPort() {
        return frontendPort;
    }

    /** The admin socket ({@code level admin}). */
    public Path socket() {
        return socket;
    }

    /** The backend holding the servers {@code blue} and {@code green}. */
    public String backend() {
        return backend;
    }

    /** A router for this HAProxy's backend, with the default timeouts. */
    public HaproxyRouter router() {
        return new HaproxyRouter(new HaproxyRuntime(socket), backend);
    }

    /** Stops HAProxy (SIGTERM, then SIGKILL after 5 s) and removes its socket. */
    @Override
    public void close() throws IOException {
        try {
            stop(process);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
        if (ownedSocketDir != null) {
            Files.deleteIfExists(ownedSocketDir);
        }
    }

    private static void awaitSocket(Process process, Path socket, Path log) throws IOException, InterruptedException {
        HaproxyRuntime runtime = new HaproxyRuntime(socket, Duration.ofMillis(500), Duration.ofSeconds(2));
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("haproxy exited with " + process.exitValue() + " before its admin socket "
                        + socket + " answered:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                runtime.execute("show info");
                return;
            } catch (ReleaseException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("haproxy's admin socket " + socket + " did not answer within " + STARTUP
                            + ": " + notYet.getMessage() + "\n" + Files.readString(log, StandardCharsets.UTF_8), notYet);
                }
                Thread.sleep(20);
            }
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
