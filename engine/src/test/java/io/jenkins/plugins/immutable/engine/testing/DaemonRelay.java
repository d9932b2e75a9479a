package io.jenkins.plugins.immutable.engine.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A unix socket that passes every byte through to the real test daemon, so a test can take "the daemon" away from
 * one engine mid-operation ({@link #cut()}) and bring it back ({@link #restore()}) without stopping the daemon every
 * other test shares. It forwards; it never answers anything itself.
 */
public final class DaemonRelay implements AutoCloseable {

    private final Path socket;
    private final Path daemonSocket;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;

    private DaemonRelay(Path socket, Path daemonSocket) {
        this.socket = socket;
        this.daemonSocket = daemonSocket;
    }

    public static DaemonRelay start(Path socket) throws IOException {
        String host = TestServices.get().dockerHost();
        DaemonRelay relay = new DaemonRelay(socket, Path.of(host.substring("unix://".length())));
        relay.restore();
        return relay;
    }

    /** {@code unix://…} for {@code --docker-host}. */
    public String dockerHost() {
        return "unix://" + socket;
    }

    /** Listens again: the daemon is back. */
    public synchronized void restore() throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listening.bind(UnixDomainSocketAddress.of(socket));
        server = listening;
        Thread acceptor = new Thread(() -> accept(listening), "daemon-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Closes the socket and every connection through it: to its clients, the daemon is gone. */
    public synchronized void cut() throws IOException {
        server.close();
        for (SocketChannel channel : open) {
            channel.close();
        }
        open.clear();
        Files.deleteIfExists(socket);
    }

    private void accept(ServerSocketChannel listening) {
        while (listening.isOpen()) {
            try {
                SocketChannel client = listening.accept();
                SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(daemonSocket));
                open.add(client);
                open.add(daemon);
                pump(client, daemon);
                pump(daemon, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "daemon-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
