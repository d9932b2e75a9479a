package io.jenkins.plugins.immutable.engine.router;

import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException.Component;
import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * HAProxy's runtime API on its admin unix socket ({@code stats socket PATH mode 600 level admin}) or on a TCP address
 * ({@code stats socket ipv4@HOST:PORT level admin}); a {@link RuntimeTransport} per kind of address opens the channel.
 *
 * <p>Each command gets its own connection, in the socket's non-interactive mode: HAProxy reads one line, answers
 * and closes, so the end of the answer is the end of the stream and no prompt has to be parsed. Commands are
 * chained with {@code ;} only through {@link #executeTogether}, for the two state changes of a cutover, whose
 * effect the caller reads back: elsewhere one failed command must not hide behind the answer of the next. Connecting
 * and reading are bounded by timeouts, because a wedged HAProxy must fail a deploy, not hang it.
 */
public final class HaproxyRuntime {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    /** Far beyond any answer about one backend; a bound so a wrong socket cannot fill the heap. */
    private static final int MAX_REPLY_BYTES = 16 * 1024 * 1024;

    private final RuntimeTransport transport;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /** A runtime API on the unix socket {@code socket} with the default timeouts (connect 2 s, read 10 s). */
    public HaproxyRuntime(Path socket) {
        this(socket, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * @param connectTimeout how long to wait for the connection
     * @param readTimeout    how long to wait for each part of the answer
     */
    public HaproxyRuntime(Path socket, Duration connectTimeout, Duration readTimeout) {
        this(HaproxyAddress.unix(Objects.requireNonNull(socket, "socket")), connectTimeout, readTimeout);
    }

    /** A runtime API at {@code address}, a unix socket or {@code tcp://HOST:PORT}, with the default timeouts. */
    public HaproxyRuntime(HaproxyAddress address) {
        this(address, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * @param connectTimeout how long to wait for the connection
     * @param readTimeout    how long to wait for each part of the answer
     */
    public HaproxyRuntime(HaproxyAddress address, Duration connectTimeout, Duration readTimeout) {
        this.transport = RuntimeTransport.of(Objects.requireNonNull(address, "address"));
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.readTimeout = positive(readTimeout, "readTimeout");
    }

    /** Where the runtime API answers, as users write it. */
    public HaproxyAddress address() {
        return transport.address();
    }

    /** The unix socket, or {@code null} when HAProxy is reached over TCP. */
    public Path socket() {
        return transport.address().socket();
    }

    /**
     * Sends one command and returns HAProxy's whole answer.
     *
     * @param command one runtime-API command, without a line break or {@code ;}
     * @throws ComponentUnreachableException when the socket is missing, refuses the connection or does not answer in time
     * @throws ReleaseException              {@link Kind#BAD_INPUT} when the answer says the command failed (an unknown
     *                                       backend or server, a socket without admin level, a malformed command)
     */
    public String execute(String command) throws ReleaseException {
        if (command.isBlank() || command.contains("\n") || command.contains("\r") || command.contains(";")) {
            throw new IllegalArgumentException("expected one runtime-API command, got '" + command + "'");
        }
        String reply = exchange(command);
        RuntimeReplies.check(transport, command, reply);
        return reply;
    }

    /**
     * Sends several commands on one line, so HAProxy runs them back to back without a round trip between them. Every
     * line of the answer is checked; the caller still reads the resulting state back, since a chained answer cannot
     * say which command a line belongs to.
     *
     * @param commands runtime-API commands, each without a line break or {@code ;}
     */
    public String executeTogether(List<String> commands) throws ReleaseException {
        for (String command : commands) {
            if (command.isBlank() || command.contains("\n") || command.contains("\r") || command.contains(";")) {
                throw new IllegalArgumentException("expected one runtime-API command, got '" + command + "'");
            }
        }
        String line = String.join("; ", commands);
        String reply = exchange(line);
        for (String answer : reply.lines().filter(l -> !l.isBlank()).toList()) {
            RuntimeReplies.check(transport, commands.get(0), answer);
        }
        return reply;
    }

    private String exchange(String command) throws ReleaseException {
        SocketAddress remote;
        try {
            remote = transport.remote();
        } catch (IOException e) {
            throw unreachable(e.getMessage(), null);
        }
        try (SocketChannel channel = transport.open(); Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            connect(channel, selector, remote);
            write(channel, selector, command);
            return read(channel, selector, command);
        } catch (IOException e) {
            throw unreachable(transport.describe(e), e);
        }
    }

    private void connect(SocketChannel channel, Selector selector, SocketAddress remote) throws IOException, ReleaseException {
        if (channel.connect(remote)) {
            return;
        }
        SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
        if (selector.select(connectTimeout.toMillis()) == 0) {
            throw unreachable("no connection within " + seconds(connectTimeout), null);
        }
        channel.finishConnect();
        key.cancel();
        selector.selectNow();
    }

    private void write(SocketChannel channel, Selector selector, String command) throws IOException, ReleaseException {
        ByteBuffer out = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
        SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
        while (out.hasRemaining()) {
            if (selector.select(readTimeout.toMillis()) == 0) {
                throw unreachable("it did not take '" + command + "' within " + seconds(readTimeout), null);
            }
            selector.selectedKeys().clear();
            channel.write(out);
        }
        key.cancel();
        selector.selectNow();
    }

    private String read(SocketChannel channel, Selector selector, String command) throws IOException, ReleaseException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        channel.register(selector, SelectionKey.OP_READ);
        while (true) {
            if (selector.select(readTimeout.toMillis()) == 0) {
                throw unreachable("no answer to '" + command + "' within " + seconds(readTimeout), null);
            }
            selector.selectedKeys().clear();
            int read;
            while ((read = channel.read(in)) > 0) {
                reply.write(in.array(), 0, read);
                in.clear();
            }
            if (reply.size() > MAX_REPLY_BYTES) {
                throw new ReleaseException(Kind.BAD_INPUT, address() + " answered more than " + MAX_REPLY_BYTES
                        + " bytes to '" + command + "': that is not HAProxy's admin socket");
            }
            if (read < 0) {
                break;
            }
        }
        if (reply.size() == 0) {
            throw unreachable("it closed the connection without answering '" + command + "' (did haproxy stop?)", null);
        }
        return reply.toString(StandardCharsets.UTF_8);
    }

    private ComponentUnreachableException unreachable(String why, Throwable cause) {
        String address = address().toString();
        return new ComponentUnreachableException(Component.ROUTER, address, "HAProxy router at " + address
                + " is unreachable: " + why + ". Is haproxy running with '" + transport.statsSocketLine()
                + "' in its global section?", cause);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
        return duration;
    }
}
