package io.jenkins.plugins.immutable.engine.router;

import io.jenkins.plugins.immutable.engine.api.Colour;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The two colours of one backend as HAProxy reports them at one moment.
 *
 * @param backend the backend's name
 * @param blue    the {@code blue} server
 * @param green   the {@code green} server
 */
public record RouterState(String backend, ServerState blue, ServerState green) {

    public RouterState {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(blue, "blue");
        Objects.requireNonNull(green, "green");
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
        return backend + ": " + blue.describe() + ", " + green.describe();
    }
}
