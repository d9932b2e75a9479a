package io.jenkins.plugins.immutable.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unix socket in front of a real HAProxy's runtime API, for tests of a router that does not take a step. Each
 * connection's command goes to HAProxy's admin socket, except a command containing the text given to
 * {@link #refuse(String)}: that one goes to a second stats socket of the same HAProxy declared with
 * {@code level operator}, so it is HAProxy itself that refuses it ({@code Permission denied}). It never answers anything
 * itself.
 */
public final class AdminSocketRelay implements AutoCloseable {

    private final Path socket;
    private final Path admin;
    private final Path operator;
    private final ServerSocketChannel server;
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile String refused;

    private AdminSocketRelay(Path socket, Path admin, Path operator, ServerSocketChannel server) {
        this.socket = socket;
        this.admin = admin;
        this.operator = operator;
        this.server = server;
    }

    /** The line to add to haproxy.cfg's {@code global} section for the operator-level socket {@code operator}. */
    public static String operatorSocketLine(Path operator) {
        return "    stats socket " + operator + " mode 600 level operator\n";
    }

    public static AdminSocketRelay start(Path socket, Path admin, Path operator) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listening.bind(UnixDomainSocketAddress.of(socket));
        AdminSocketRelay relay = new AdminSocketRelay(socket, admin, operator, listening);
        Thread acceptor = new Thread(relay::accept, "admin-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return relay;
    }

    public Path socket() {
        return socket;
    }

    /** From now on, commands containing {@code text} are sent where HAProxy refuses them; {@code null} for none. */
    public void refuse(String text) {
        this.refused = text;
    }

    /** How many commands were sent to the operator socket (and refused there by HAProxy). */
    public int refusals() {
        return refusals.get();
    }

    private void accept() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String command = readLine(client);
                String text = refused;
                boolean refuse = text != null && command.contains(text);
                if (refuse) {
                    refusals.incrementAndGet();
                }
                try (SocketChannel haproxy = SocketChannel.open(UnixDomainSocketAddress.of(refuse ? operator : admin))) {
                    haproxy.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
                    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                    while (haproxy.read(buffer) >= 0) {
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            client.write(buffer);
                        }
                        buffer.clear();
                    }
                }
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private static String readLine(SocketChannel channel) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (channel.read(one) > 0) {
            byte b = one.get(0);
            one.clear();
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
