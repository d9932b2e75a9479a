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

    /** Whether the server forwards to that address and port. */
    public boolean pointsAt(io.jenkins.plugins.immutable.engine.api.Endpoint endpoint) {
        return this.port == endpoint.port() && endpoint.address().equals(address);
    }

    /** Where it forwards to, or {@code null} for a port HAProxy would not take (its {@code 0} before a first address). */
    public io.jenkins.plugins.immutable.engine.api.Endpoint endpoint() {
        return port < 1 || port > 65535 ? null : new io.jenkins.plugins.immutable.engine.api.Endpoint(address, port);
    }

    /**
     * A colour's servers seen as one: the first that takes new requests (else the first ready, else draining, else the
     * first), with the sessions of all of them. A colour of one server is that server.
     */
    static ServerState group(String colour, java.util.List<ServerState> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        ServerState pick = members.stream().filter(ServerState::receivesNewRequests).findFirst()
                .or(() -> members.stream().filter(m -> m.admin() == AdminState.READY).findFirst())
                .or(() -> members.stream().filter(m -> m.admin() == AdminState.DRAIN).findFirst())
                .orElse(members.get(0));
        int sessions = members.stream().mapToInt(ServerState::sessions).sum();
        return new ServerState(colour, pick.address(), pick.port(), pick.admin(), pick.operational(), sessions);
    }

    /** {@code blue 127.0.0.1:8081 READY/RUNNING 0 sessions}, for messages. */
    public String describe() {
        return name + " " + address + ":" + port + " " + admin + "/" + operational + " " + sessions + " sessions";
    }
}
