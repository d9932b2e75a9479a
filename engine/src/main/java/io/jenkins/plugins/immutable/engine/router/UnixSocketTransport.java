package io.jenkins.plugins.immutable.engine.router;

import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** HAProxy's admin socket as a unix socket on this machine ({@code stats socket PATH mode 600 level admin}). */
final class UnixSocketTransport implements RuntimeTransport {

    private final HaproxyAddress address;

    UnixSocketTransport(HaproxyAddress address) {
        this.address = address;
    }

    @Override
    public HaproxyAddress address() {
        return address;
    }

    @Override
    public SocketChannel open() throws IOException {
        return SocketChannel.open(StandardProtocolFamily.UNIX);
    }

    @Override
    public SocketAddress remote() throws IOException {
        Path socket = address.socket();
        if (!Files.exists(socket)) {
            throw new IOException("there is no socket file " + socket);
        }
        if (Files.isRegularFile(socket) || Files.isDirectory(socket)) {
            throw new IOException(socket + " is not a socket");
        }
        return UnixDomainSocketAddress.of(socket);
    }

    @Override
    public String statsSocketLine() {
        return "stats socket " + address.socket() + " mode 600 level admin";
    }

    @Override
    public String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("Connection refused")) {
            return "connection refused (the socket file is left from a haproxy that no longer runs)";
        }
        return message;
    }
}
