package io.jenkins.plugins.immutable.engine.router;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A minimal haproxy.cfg (HAProxy 2.6) for one application that {@link HaproxyRouter} can drive: the admin socket,
 * a frontend on {@code 127.0.0.1:<frontendPort>}, and a backend with the servers {@code blue} and {@code green}.
 *
 * <p>Why it reads as it does:
 * <ul>
 *   <li>{@code stats socket … mode 600 level admin}: {@code set server} needs the admin level; {@code mode 600}
 *       keeps the socket to its owner. No {@code expose-fd listeners}: that only serves seamless reloads, and the
 *       router never reloads.</li>
 *   <li>{@code mode http}: HAProxy then load-balances <em>every request</em>, also the later requests on a
 *       client's kept-alive connection, so such a client follows a switch on its very next request (seen on 2.6.12:
 *       same client socket, answers from blue, then from green right after {@code drain}). In {@code mode tcp} the
 *       whole connection stays with the server it was first sent to, even after that server is set to
 *       {@code maint}.</li>
 *   <li>{@code option http-keep-alive}, HAProxy's default, written out: clients and servers keep their connections
 *       open between requests, which is cheaper and changes nothing about where each request goes. A draining
 *       server is never picked, not even by {@code option prefer-last-server} (which this configuration leaves out).</li>
 *   <li>Servers {@code 127.0.0.1:1 disabled}: a literal address and port, so {@code set server … addr 127.0.0.1 port P}
 *       works at runtime (a port is needed for it to be changeable); {@code disabled} starts them in maintenance,
 *       so a fresh HAProxy sends nothing to port 1 and answers 503 until a colour is switched on.</li>
 *   <li>No {@code check} on the servers: the engine checks a colour's health itself before switching to it, and a
 *       health check in HAProxy would add a second opinion that could take a colour down on its own.</li>
 * </ul>
 *
 * @param adminSocket  the path of the admin socket; at most 97 bytes, HAProxy's limit for a unix socket path
 * @param frontendPort the loopback port clients connect to
 * @param backend      the backend's name
 * @param slots        the servers per colour: {@code blue}/{@code green}, or one per replica on a Swarm
 */
public record HaproxyConfig(Path adminSocket, int frontendPort, String backend, ServerSlots slots) {

    /** One server per colour, {@code blue} and {@code green}. */
    public HaproxyConfig(Path adminSocket, int frontendPort, String backend) {
        this(adminSocket, frontendPort, backend, ServerSlots.SINGLE);
    }

    /** HAProxy 2.6 refuses longer paths ("socket path … too long (max 97)"): it needs room for a temporary name. */
    public static final int MAX_SOCKET_PATH_BYTES = 97;

    public HaproxyConfig {
        Objects.requireNonNull(adminSocket, "adminSocket");
        Objects.requireNonNull(backend, "backend");
        slots = slots == null ? ServerSlots.SINGLE : slots;
        adminSocket = adminSocket.toAbsolutePath().normalize();
        String path = adminSocket.toString();
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH_BYTES) {
            throw new IllegalArgumentException("admin socket path " + path + " is longer than " + MAX_SOCKET_PATH_BYTES
                    + " bytes, HAProxy's limit: choose a shorter folder");
        }
        if (!path.matches("[A-Za-z0-9_./+@:-]+")) {
            throw new IllegalArgumentException("admin socket path " + path + " holds characters haproxy.cfg would need "
                    + "quoted: use letters, digits and _ . / + @ : -");
        }
        if (frontendPort < 1 || frontendPort > 65535) {
            throw new IllegalArgumentException("frontend port must be 1 to 65535, got " + frontendPort);
        }
        if (!backend.matches("[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}")) {
            throw new IllegalArgumentException("'" + backend + "' is not a backend name: expected 1 to 63 letters, digits, "
                    + "'_', '.', ':' or '-', starting with a letter or digit");
        }
    }

    /** The configuration's text. */
    public String render() {
        return """
                global
                    stats socket %1$s mode 600 level admin
                    stats timeout 30s

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 30s
                    timeout server 30s
                    option http-keep-alive

                frontend %2$s-in
                    bind 127.0.0.1:%3$d
                    default_backend %2$s

                """.formatted(adminSocket, backend, frontendPort) + backendSection(backend, slots);
    }

    /**
     * The backend the engine drives: every server slot of both colours, each at a literal address and port (so
     * {@code set server … addr} works at runtime) and {@code disabled} (a fresh HAProxy sends nothing anywhere until a
     * colour is switched on). A Swarm backend also retries a connection that fails on another server
     * ({@code option redispatch}): a replica on a node that was just lost refuses or drops connections before a deploy
     * replaces it, and another replica of the same colour can answer instead.
     */
    public static String backendSection(String backend, ServerSlots slots) {
        StringBuilder text = new StringBuilder("backend ").append(backend).append('\n');
        if (slots.perColour() > 0) {
            text.append("    option redispatch\n    retries 2\n");
        }
        for (io.jenkins.plugins.immutable.engine.api.Colour colour : io.jenkins.plugins.immutable.engine.api.Colour.values()) {
            for (String name : slots.names(colour)) {
                text.append("    server ").append(name).append(" 127.0.0.1:1 disabled\n");
            }
        }
        return text.toString();
    }

    /** Writes {@link #render()} to {@code file} (its folder must exist) and returns the file. */
    public Path write(Path file) throws IOException {
        return Files.writeString(file, render());
    }
}
