package io.jenkins.plugins.immutable.engine.router;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.Endpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The two colours of one backend as HAProxy reports them at one moment.
 *
 * @param backend the backend's name
 * @param blue    the {@code blue} server (a group of servers seen as one, see {@link ServerState#group})
 * @param green   the {@code green} server
 * @param members each colour's servers ({@link ServerSlots}): one on a Docker host, one per replica on a Swarm
 */
public record RouterState(String backend, ServerState blue, ServerState green, Map<Colour, List<ServerState>> members) {

    public RouterState {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(blue, "blue");
        Objects.requireNonNull(green, "green");
        members = members == null ? Map.of(Colour.BLUE, List.of(blue), Colour.GREEN, List.of(green)) : Map.copyOf(members);
    }

    /** One server per colour. */
    public RouterState(String backend, ServerState blue, ServerState green) {
        this(backend, blue, green, null);
    }

    /** The colour's servers, in slot order. */
    public List<ServerState> members(Colour colour) {
        return members.get(colour);
    }

    /** Where the colour's servers that take new requests forward to. */
    public Set<Endpoint> routes(Colour colour) {
        Set<Endpoint> routes = new HashSet<>();
        for (ServerState member : members(colour)) {
            if (member.receivesNewRequests() && member.endpoint() != null) {
                routes.add(member.endpoint());
            }
        }
        return routes;
    }

    /** Whether any of the colour's servers that take new requests forwards to one of these endpoints. */
    public boolean routesToAny(Colour colour, Collection<Endpoint> endpoints) {
        return endpoints.stream().anyMatch(routes(colour)::contains);
    }

    /** Whether the colour's servers that take new requests forward to exactly these endpoints. */
    public boolean routesExactly(Colour colour, Collection<Endpoint> endpoints) {
        return !endpoints.isEmpty() && routes(colour).equals(new HashSet<>(endpoints));
    }

    public ServerState server(Colour colour) {
        return colour == Colour.BLUE ? blue : green;
    }

    /**
     * The colours that receive new requests: none (HAProxy answers 503), one, or both (only for the instant of a
     * switch, or when something else changed the router).
     */
    public Set<Colour> live() {
        Set<Colour> live = EnumSet.noneOf(Colour.class);
        for (Colour colour : Colour.values()) {
            if (server(colour).receivesNewRequests()) {
                live.add(colour);
            }
        }
        return live;
    }

    /** {@code app: blue 127.0.0.1:8081 READY/RUNNING 0 sessions, green …}, for messages. */
    public String describe() {
        List<String> servers = new ArrayList<>();
        for (Colour colour : Colour.values()) {
            members(colour).forEach(m -> servers.add(m.describe()));
        }
        return backend + ": " + String.join(", ", servers);
    }
}
