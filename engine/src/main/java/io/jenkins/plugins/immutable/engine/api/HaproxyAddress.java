package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where HAProxy's runtime API answers: an admin unix socket ({@code stats socket /run/haproxy/admin.sock level admin})
 * or a TCP address ({@code stats socket ipv4@10.0.0.5:9999 level admin}), written {@code tcp://HOST:PORT}.
 *
 * <pre>{@code
 * HaproxyAddress.parse("/run/haproxy/admin.sock");  // a unix socket
 * HaproxyAddress.parse("tcp://10.0.0.5:9999");      // TCP; tcp://[::1]:9999 for IPv6
 * }</pre>
 */
public final class HaproxyAddress implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String EXPECTED = "expected the path of HAProxy's admin socket, or tcp://HOST:PORT";

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$");
    private static final Pattern HOST_PORT = Pattern.compile("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::(.*))?$");

    private final Path socket;
    private final String host;
    private final int port;

    private HaproxyAddress(Path socket, String host, int port) {
        this.socket = socket;
        this.host = host;
        this.port = port;
    }

    /** A unix socket; a relative path is made absolute against the working folder. */
    public static HaproxyAddress unix(Path socket) {
        return new HaproxyAddress(Objects.requireNonNull(socket, "socket").toAbsolutePath().normalize(), null, 0);
    }

    /**
     * A unix socket path (also as {@code unix:///path}) or {@code tcp://HOST:PORT}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected: a {@code tcp://} address without a
     *                                  port or with one outside 1 to 65535, another scheme, or nothing
     */
    public static HaproxyAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty: " + EXPECTED);
        }
        String s = text.strip();
        Matcher scheme = SCHEME.matcher(s);
        if (!scheme.matches()) {
            return unix(Path.of(s));
        }
        String rest = scheme.group(2);
        switch (scheme.group(1).toLowerCase(java.util.Locale.ROOT)) {
            case "unix":
                if (!rest.startsWith("/")) {
                    throw new IllegalArgumentException("'" + text + "' is not an absolute socket path: " + EXPECTED);
                }
                return unix(Path.of(rest));
            case "tcp":
                return tcp(text, rest);
            default:
                throw new IllegalArgumentException("'" + text + "' uses the scheme " + scheme.group(1) + "://: " + EXPECTED);
        }
    }

    private static HaproxyAddress tcp(String text, String hostPort) {
        if (hostPort.endsWith("/")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        Matcher m = HOST_PORT.matcher(hostPort);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not tcp://HOST:PORT: expected a host name or IP address"
                    + " and a port, such as tcp://127.0.0.1:9999");
        }
        if (m.group(2) == null || m.group(2).isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no port: expected tcp://HOST:PORT, such as tcp://"
                    + m.group(1) + ":9999 (the port of 'stats socket ipv4@…:PORT level admin' in haproxy.cfg)");
        }
        int port;
        try {
            port = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "' has the port '" + m.group(2) + "': expected a number from 1 to 65535");
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        return new HaproxyAddress(null, host, port);
    }

    /** {@code true} for {@code tcp://HOST:PORT}, {@code false} for a unix socket. */
    public boolean isTcp() {
        return socket == null;
    }

    /** The unix socket, or {@code null} for a TCP address. */
    public Path socket() {
        return socket;
    }

    /** The TCP host (without brackets), or {@code null} for a unix socket. */
    public String host() {
        return host;
    }

    /** The TCP port, or 0 for a unix socket. */
    public int port() {
        return port;
    }

    /** As users write it: the socket's path, or {@code tcp://HOST:PORT}. */
    @Override
    public String toString() {
        if (socket != null) {
            return socket.toString();
        }
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HaproxyAddress other && Objects.equals(socket, other.socket) && Objects.equals(host, other.host)
                && port == other.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(socket, host, port);
    }
}
