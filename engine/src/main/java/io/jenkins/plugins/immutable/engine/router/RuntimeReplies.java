package io.jenkins.plugins.immutable.engine.router;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.api.HaproxyAddress;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a failed runtime-API command from a successful one. HAProxy answers both on the socket with text and no
 * status: a state change that worked answers an empty line, {@code set server … addr} answers
 * {@code no need to change the addr, port changed from '1' to '8081' by 'stats socket command'}, and a failure
 * answers one line such as {@code No such server.}. Only the first line is looked at, so the header of a
 * {@code show} dump can never be mistaken for an error.
 */
final class RuntimeReplies {

    /** Beginnings of the 2.6 CLI's error lines (seen on a real 2.6.12 and in its source). */
    private static final List<String> FAILURE_STARTS = List.of("Unknown command", "Require ", "usage:", "Invalid ", "'",
            "Missing ", "Value out of range");
    /** Parts of error lines that may follow a success part, as in {@code no need to change the addr, problem converting port 'x'}. */
    private static final List<String> FAILURE_PARTS = List.of("problem converting", " expects ", "only supports", "cannot ",
            "impossible");

    private static final Pattern SERVER_TARGET = Pattern.compile("(?:server|weight) ([^\\s/]+)/(\\S+)");
    private static final Pattern BACKEND_TARGET = Pattern.compile("^show (?:servers state|stat) (\\S+)");

    private RuntimeReplies() {
    }

    /**
     * Throws when {@code reply} says {@code command} failed.
     *
     * @throws ReleaseException {@link Kind#BAD_INPUT}, naming the backend or server and what to do
     */
    static void check(java.nio.file.Path socket, String command, String reply) throws ReleaseException {
        check(RuntimeTransport.of(HaproxyAddress.unix(socket)), command, reply);
    }

    /** As {@link #check(java.nio.file.Path, String, String)}, for HAProxy at the transport's address. */
    static void check(RuntimeTransport transport, String command, String reply) throws ReleaseException {
        HaproxyAddress socket = transport.address();
        String first = reply.strip().lines().findFirst().orElse("").strip();
        String backend = backendOf(command);
        if (first.startsWith("Permission denied")) {
            throw new ReleaseException(Kind.BAD_INPUT, "HAProxy at " + socket + " refused '" + command
                    + "': permission denied. The router needs an admin socket: '" + transport.statsSocketLine()
                    + "' in haproxy.cfg's global section.");
        }
        if (first.startsWith("No such backend") || first.startsWith("Can't find backend") || first.startsWith("No such proxy")) {
            throw new ReleaseException(Kind.BAD_INPUT, "HAProxy at " + socket + " has no backend '" + backend
                    + "' (it answered '" + first + "' to '" + command + "'). Give the name of a backend section of its "
                    + "haproxy.cfg (--haproxy-backend), one with the servers blue and green.");
        }
        if (first.startsWith("No such server")) {
            throw new ReleaseException(Kind.BAD_INPUT, "Backend '" + backend + "' of HAProxy at " + socket
                    + " has no server '" + serverOf(command) + "' (it answered '" + first + "' to '" + command
                    + "'). The backend needs two servers named blue and green, such as 'server blue 127.0.0.1:1 disabled'.");
        }
        if (FAILURE_STARTS.stream().anyMatch(first::startsWith) || FAILURE_PARTS.stream().anyMatch(first::contains)) {
            throw new ReleaseException(Kind.BAD_INPUT, "HAProxy at " + socket + " rejected '" + command + "': " + first
                    + ". The router speaks to HAProxy 2.6's runtime API; check the HAProxy version and the backend '"
                    + backend + "'.");
        }
    }

    private static String backendOf(String command) {
        Matcher server = SERVER_TARGET.matcher(command);
        if (server.find()) {
            return server.group(1);
        }
        Matcher backend = BACKEND_TARGET.matcher(command);
        return backend.find() ? backend.group(1) : "?";
    }

    private static String serverOf(String command) {
        Matcher server = SERVER_TARGET.matcher(command);
        return server.find() ? server.group(2) : "?";
    }
}
