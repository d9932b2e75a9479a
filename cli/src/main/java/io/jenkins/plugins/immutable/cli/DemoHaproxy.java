package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.router.HaproxyConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo's own HAProxy: {@link HaproxyConfig}'s configuration, a free loopback port, the admin socket in the demo
 * folder; run in the foreground as the demo's child and stopped when the demo ends. Its pid is written down so a run
 * that was killed does not leave a second router behind for the next run.
 */
final class DemoHaproxy implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Process process;
    private final HaproxyConfig config;
    private final Path pidFile;

    private DemoHaproxy(Process process, HaproxyConfig config, Path pidFile) {
        this.process = process;
        this.config = config;
        this.pidFile = pidFile;
    }

    static DemoHaproxy start(Path binary, Path dir, String backend) throws IOException, InterruptedException {
        Path pidFile = dir.resolve("haproxy.pid");
        stopLeftover(pidFile);
        HaproxyConfig config = new HaproxyConfig(dir.resolve("haproxy.sock"), freePort(), backend);
        Files.deleteIfExists(config.adminSocket());
        Path cfg = config.write(dir.resolve("haproxy.cfg"));
        Path log = dir.resolve("haproxy.log");
        Process process = new ProcessBuilder(binary.toString(), "-f", cfg.toString(), "-db")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        DemoHaproxy haproxy = new DemoHaproxy(process, config, pidFile);
        try {
            haproxy.awaitAdminSocket(log);
        } catch (IOException | InterruptedException e) {
            haproxy.close();
            throw e;
        }
        return haproxy;
    }

    int port() {
        return config.frontendPort();
    }

    Path socket() {
        return config.adminSocket();
    }

    String backend() {
        return config.backend();
    }

    long pid() {
        return process.pid();
    }

    private void awaitAdminSocket(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("haproxy exited with " + process.exitValue() + " before its admin socket answered:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            if (answers(config.adminSocket())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("haproxy's admin socket " + config.adminSocket() + " did not answer within "
                        + STARTUP.toSeconds() + "s; its log: " + log);
            }
            Thread.sleep(25);
        }
    }

    /** {@code show info} on the admin socket: the router is up once it answers. */
    private static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("show info\n".getBytes(StandardCharsets.US_ASCII)));
            return channel.read(ByteBuffer.allocate(256)) > 0;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A router a killed demo run left: ours (its pid file, and it is haproxy), so it is ended. */
    private static void stopLeftover(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Optional<ProcessHandle> left = ProcessHandle.of(pid)
                    .filter(h -> h.info().command().map(c -> c.endsWith("haproxy")).orElse(false));
            left.ifPresent(ProcessHandle::destroy);
        } catch (NumberFormatException e) {
            // a damaged pid file names nothing we can stop
        }
        Files.deleteIfExists(pidFile);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(config.adminSocket());
        Files.deleteIfExists(pidFile);
    }
}
