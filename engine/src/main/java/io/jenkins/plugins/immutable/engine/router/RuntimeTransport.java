package io.jenkins.plugins.immutable.engine.router;

import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/**
 * How {@link HaproxyRuntime} reaches HAProxy's runtime API: one class per kind of address, chosen by the address's form
 * in {@link #of}. A transport only opens the channel and says where it leads; the conversation is the runtime's.
 */
interface RuntimeTransport {

    /** The transport for {@code address}: a unix socket or TCP. */
    static RuntimeTransport of(HaproxyAddress address) {
        return address.isTcp() ? new TcpTransport(address) : new UnixSocketTransport(address);
    }

    HaproxyAddress address();

    /** A new unconnected channel of the right protocol family. */
    SocketChannel open() throws IOException;

    /**
     * Where to connect, checked as far as can be before connecting (the socket file exists, the host name resolves).
     *
     * @throws IOException saying why HAProxy cannot be there; the runtime reports it as unreachable
     */
    SocketAddress remote() throws IOException;

    /** The {@code stats socket} line of haproxy.cfg that opens this address with admin level. */
    String statsSocketLine();

    /** A connection failure in words that point at the likely cause. */
    String describe(IOException e);
}
