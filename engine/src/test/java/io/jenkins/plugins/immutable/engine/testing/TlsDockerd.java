package io.jenkins.plugins.immutable.engine.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A real dockerd that speaks only TLS with client verification ({@code --tlsverify}) on {@code tcp://127.0.0.1:PORT},
 * with certificates made here by {@code openssl}: a CA, a server certificate for IP 127.0.0.1, a client certificate;
 * and a second, unrelated CA for the failures. Its own data root, exec root and pidfile under a short folder in /tmp,
 * and a bridge of its own (a random name and /24 that no other interface uses) without iptables rules, so it can run
 * containers with published ports (docker-proxy forwards them) and touches nothing of the other daemons. Needs root,
 * as scripts/services does.
 * Start it once per test class; {@link #close()} stops it and removes its folder.
 */
public final class TlsDockerd implements AutoCloseable {

    private static final long STARTUP_SECONDS = 60;

    private final Path dir;
    private final int port;
    private final Process process;
    private final Bridge bridge;

    private TlsDockerd(Path dir, int port, Process process, Bridge bridge) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.bridge = bridge;
    }

    public static TlsDockerd start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "tlsd");
        Certificates.make(dir);
        int port = freePort();
        Path log = dir.resolve("dockerd.log");
        Bridge bridge = Bridge.create();
        Process process = new ProcessBuilder("dockerd", "--tlsverify", "--tlscacert", dir.resolve("ca.pem").toString(),
                "--tlscert", dir.resolve("server-cert.pem").toString(), "--tlskey", dir.resolve("server-key.pem").toString(),
                "--host", "tcp://127.0.0.1:" + port, "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("dockerd.pid").toString(),
                "--bridge", bridge.name(), "--iptables=false", "--ip-masq=false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TlsDockerd daemon = new TlsDockerd(dir, port, process, bridge);
        try {
            daemon.awaitPing(log);
        } catch (IOException | InterruptedException e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    /** {@code tcp://127.0.0.1:PORT}. */
    public String host() {
        return "tcp://127.0.0.1:" + port;
    }

    /** ca.pem, cert.pem, key.pem the daemon accepts. */
    public Path clientCerts() {
        return dir.resolve("client");
    }

    /** A valid client certificate, but ca.pem is another CA's: the daemon's certificate does not verify. */
    public Path wrongCaCerts() {
        return dir.resolve("wrong-ca");
    }

    private void awaitPing(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("dockerd --tlsverify exited with " + process.exitValue() + ":\n" + tail(log));
            }
            Process curl = new ProcessBuilder("curl", "-sf", "--max-time", "2", "--cacert", clientCerts().resolve("ca.pem").toString(),
                    "--cert", clientCerts().resolve("cert.pem").toString(), "--key", clientCerts().resolve("key.pem").toString(),
                    "https://127.0.0.1:" + port + "/_ping").redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (curl.waitFor() == 0 && out.strip().equals("OK")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException("dockerd --tlsverify did not answer /_ping within " + STARTUP_SECONDS + " s:\n" + tail(log));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // The data root may hold root-owned overlay folders: rm -rf is the plain way to remove them all.
        new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        bridge.delete();
    }

    /** A Linux bridge made for this daemon: {@code imrtls} and 4 hex digits, on a 172.30.N.0/24 no interface uses. */
    private record Bridge(String name) {

        static Bridge create() throws IOException, InterruptedException {
            Random random = new Random();
            String used = ip("-4", "-o", "addr", "show");
            for (int attempt = 0; attempt < 20; attempt++) {
                String name = String.format("imrtls%04x", random.nextInt(0x10000));
                String subnet = "172.30." + random.nextInt(256) + ".";
                if (used.contains(" " + subnet) || ip("link", "show").contains(" " + name + ":")) {
                    continue;
                }
                ip("link", "add", name, "type", "bridge");
                Bridge bridge = new Bridge(name);
                try {
                    ip("addr", "add", subnet + "1/24", "dev", name);
                    ip("link", "set", name, "up");
                } catch (IOException e) {
                    bridge.delete();
                    throw e;
                }
                return bridge;
            }
            throw new IOException("no free bridge name and 172.30.N.0/24 subnet after 20 tries");
        }

        void delete() throws IOException, InterruptedException {
            new ProcessBuilder("ip", "link", "delete", name).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        }

        private static String ip(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("ip"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out.strip());
            }
            return out;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** The openssl commands, as Docker's "Protect the Docker daemon socket" page gives them. */
    private static final class Certificates {

        static void make(Path dir) throws IOException, InterruptedException {
            ca(dir, "ca", "immutable-test-ca");
            ca(dir, "other-ca", "unrelated-ca");
            signed(dir, "server", "127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n", "ca");
            signed(dir, "client", "immutable-client", "extendedKeyUsage=clientAuth\n", "ca");
            folder(dir, "client", "ca.pem");
            folder(dir, "wrong-ca", "other-ca.pem");
        }

        private static void ca(Path dir, String name, String cn) throws IOException, InterruptedException {
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + "-key.pem", "-out", name + ".pem",
                    "-days", "2", "-subj", "/CN=" + cn);
        }

        private static void signed(Path dir, String name, String cn, String extensions, String ca)
                throws IOException, InterruptedException {
            Files.writeString(dir.resolve(name + ".ext"), extensions);
            openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + "-key.pem", "-out", name + ".csr", "-subj", "/CN=" + cn);
            openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + "-key.pem", "-CAcreateserial",
                    "-out", name + "-cert.pem", "-days", "2", "-extfile", name + ".ext");
        }

        private static void folder(Path dir, String folder, String caFile) throws IOException {
            Path target = Files.createDirectories(dir.resolve(folder));
            Files.copy(dir.resolve(caFile), target.resolve("ca.pem"));
            Files.copy(dir.resolve("client-cert.pem"), target.resolve("cert.pem"));
            Files.copy(dir.resolve("client-key.pem"), target.resolve("key.pem"));
        }

        private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("openssl"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + out);
            }
        }
    }
}
