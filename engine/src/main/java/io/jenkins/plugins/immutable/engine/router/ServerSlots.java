package io.jenkins.plugins.immutable.engine.router;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The server slots of a backend, per colour: one Docker host has one server per colour, {@code blue} and
 * {@code green}; a Swarm colour of N replicas has N, {@code blue1}…{@code blueN} and {@code green1}…{@code greenN}.
 * A switch moves traffic between the two groups.
 *
 * @param perColour servers per colour; {@code 0} for the single, unnumbered server of one Docker host
 */
public record ServerSlots(int perColour) {

    /** {@code blue} and {@code green}. */
    public static final ServerSlots SINGLE = new ServerSlots(0);

    public ServerSlots {
        if (perColour < 0) {
            throw new IllegalArgumentException("perColour must be 0 or more, got " + perColour);
        }
    }

    /** The slots an environment's settings need. */
    public static ServerSlots of(EnvironmentSettings settings) {
        return settings.onSwarm() ? new ServerSlots(settings.replicaCount()) : SINGLE;
    }

    /** The servers of a colour, in order. */
    public List<String> names(Colour colour) {
        if (perColour == 0) {
            return List.of(colour.label());
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= perColour; i++) {
            names.add(colour.label() + i);
        }
        return names;
    }

    /** How many servers a colour has. */
    public int count() {
        return Math.max(1, perColour);
    }
}
