package io.jenkins.plugins.immutable.engine.router;

import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/**
 * HAProxy's runtime API on a TCP address ({@code stats socket ipv4@HOST:PORT level admin}), for an HAProxy on another
 * machine. The runtime API has no authentication of its own: such a socket belongs on a private network or behind a
 * firewall that only lets the deploying agents in.
 */
final class TcpTransport implements RuntimeTransport {

    private final HaproxyAddress address;

    TcpTransport(HaproxyAddress address) {
        this.address = address;
    }

    @Override
    public HaproxyAddress address() {
        return address;
    }

    @Override
    public SocketChannel open() throws IOException {
        return SocketChannel.open();
    }

    @Override
    public SocketAddress remote() throws IOException {
        // Resolved on every command, not once: a router that moved to another address is found again.
        InetSocketAddress remote = new InetSocketAddress(address.host(), address.port());
        if (remote.isUnresolved()) {
            throw new IOException("the host name " + address.host() + " does not resolve");
        }
        return remote;
    }

    @Override
    public String statsSocketLine() {
        String host = (address.host().contains(":") ? "ipv6@" : "ipv4@") + address.host();
        return "stats socket " + host + ":" + address.port() + " level admin";
    }

    @Override
    public String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("Connection refused")) {
            return "connection refused (nothing listens on " + address.host() + ":" + address.port() + ")";
        }
        if (message.contains("No route to host") || message.contains("Network is unreachable")) {
            return message.toLowerCase(java.util.Locale.ROOT) + " (" + address.host() + ")";
        }
        return message;
    }
}
