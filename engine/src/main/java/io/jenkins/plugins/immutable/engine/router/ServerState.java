package io.jenkins.plugins.immutable.engine.router;

import java.util.Objects;

/**
 * One server of the backend as HAProxy reports it.
 *
 * @param name        the server's name: {@code blue} or {@code green}
 * @param address     the IP address it forwards to
 * @param port        the port it forwards to
 * @param admin       its administrative state
 * @param operational its operational state
 * @param sessions    requests it is serving right now ({@code scur} of {@code show stat}); a client's idle keep-alive
 *                    connection does not count, HAProxy attaches a request to a server only while it is in flight
 */
public record ServerState(String name, String address, int port, AdminState admin, OperationalState operational, int sessions) {

    /** The address every colour is pointed at: the containers publish their port on loopback. */
    static final String LOOPBACK = "127.0.0.1";

    public ServerState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(operational, "operational");
    }

    /** Whether the load balancer sends new requests to this server. */
    public boolean receivesNewRequests() {
        return admin == AdminState.READY && operational.up();
    }

    /** Whether the server forwards to {@code 127.0.0.1:port}. */
    public boolean pointsAt(int port) {
        return this.port == port && LOOPBACK.equals(address);
    }

    /** {@code blue 127.0.0.1:8081 READY/RUNNING 0 sessions}, for messages. */
    public String describe() {
        return name + " " + address + ":" + port + " " + admin + "/" + operational + " " + sessions + " sessions";
    }
}
