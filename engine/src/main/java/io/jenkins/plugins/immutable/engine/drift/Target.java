package io.jenkins.plugins.immutable.engine.drift;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerDetails;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.docker.DockerGateway;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels.LabelledColour;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An environment as the target shows it at one moment: every container carrying its label or one of its names, sorted
 * into the engine's colours and the rest, and the router's servers with their weights.
 */
final class Target {

    /** A container the engine started for a colour, with what its labels say. */
    record Known(Colour colour, ContainerDetails container, LabelledColour labels) {
    }

    /** A container with the environment's label or name that the engine did not start, and why it is not the engine's. */
    record Unknown(ContainerDetails container, String why) {
    }

    private final String environment;
    private final EnvironmentSettings settings;
    private final DockerGateway docker;
    private final HaproxyRouter router;
    private final Map<Colour, Known> known;
    private final List<Unknown> unknown;
    private final RouterState routerState;
    private final Map<Colour, Integer> weights;
    private final Colour live;

    private Target(String environment, EnvironmentSettings settings, DockerGateway docker, HaproxyRouter router,
            Map<Colour, Known> known, List<Unknown> unknown, RouterState routerState, Map<Colour, Integer> weights, Colour live) {
        this.environment = environment;
        this.settings = settings;
        this.docker = docker;
        this.router = router;
        this.known = known;
        this.unknown = unknown;
        this.routerState = routerState;
        this.weights = weights;
        this.live = live;
    }

    /**
     * Reads the target.
     *
     * @param recordedLive the colour the ledger records live: which colour is live when the router serves none or both
     */
    static Target read(String environment, EnvironmentSettings settings, DockerGateway docker, HaproxyRouter router,
            Optional<Colour> recordedLive) throws ReleaseException {
        Map<String, ContainerDetails> byId = new LinkedHashMap<>();
        for (ContainerInfo info : docker.listLabelled(TargetLabels.ENVIRONMENT, environment)) {
            docker.details(info.id()).ifPresent(d -> byId.put(d.id(), d));
        }
        for (Colour colour : Colour.values()) {
            docker.details(containerName(settings, environment, colour)).ifPresent(d -> byId.putIfAbsent(d.id(), d));
        }
        Map<Colour, Known> known = new EnumMap<>(Colour.class);
        List<Unknown> unknown = new ArrayList<>();
        for (ContainerDetails container : byId.values()) {
            classify(environment, settings, container, known, unknown);
        }
        RouterState state = router.state();
        Set<Colour> serving = state.live();
        Colour live = serving.size() == 1 ? serving.iterator().next() : recordedLive.orElse(null);
        return new Target(environment, settings, docker, router, known, unknown, state, router.weights(), live);
    }

    private static void classify(String environment, EnvironmentSettings settings, ContainerDetails container,
            Map<Colour, Known> known, List<Unknown> unknown) {
        Map<String, String> labels = container.labels();
        if (labels.containsKey(TargetLabels.LOCK)) {
            // The environment's lock object is created and never started; one that runs is not a lock.
            if (!"created".equals(container.state())) {
                unknown.add(new Unknown(container, "it carries the lock label but was started"));
            }
            return;
        }
        Optional<LabelledColour> read = TargetLabels.read(labels);
        if (read.isEmpty()) {
            unknown.add(new Unknown(container, "its labels are missing or malformed"));
            return;
        }
        LabelledColour colour = read.get();
        String expectedName = containerName(settings, environment, colour.colour());
        if (!environment.equals(colour.environment())) {
            unknown.add(new Unknown(container, "it has a name of this environment but labels of '" + colour.environment() + "'"));
        } else if (!settings.app().equals(colour.app())) {
            unknown.add(new Unknown(container, "its labels name the app '" + colour.app() + "', not '" + settings.app() + "'"));
        } else if (!expectedName.equals(container.name())) {
            unknown.add(new Unknown(container, "its name is not the engine's: expected " + expectedName));
        } else {
            known.put(colour.colour(), new Known(colour.colour(), container, colour));
        }
    }

    static String containerName(EnvironmentSettings settings, String environment, Colour colour) {
        return settings.app() + "-" + environment + "-" + colour.label();
    }

    String environment() {
        return environment;
    }

    EnvironmentSettings settings() {
        return settings;
    }

    DockerGateway docker() {
        return docker;
    }

    HaproxyRouter router() {
        return router;
    }

    List<Known> known() {
        return List.copyOf(known.values());
    }

    Optional<Known> known(Colour colour) {
        return Optional.ofNullable(known.get(colour));
    }

    List<Unknown> unknown() {
        return List.copyOf(unknown);
    }

    RouterState routerState() {
        return routerState;
    }

    Map<Colour, Integer> weights() {
        return weights;
    }

    /** The live colour: the one the router serves, or the ledger's when the router serves none or both; else null. */
    Colour live() {
        return live;
    }

    /** The loopback port a container publishes the environment's container port on, or 0. */
    int hostPort(ContainerDetails container) {
        List<String> bindings = container.published().getOrDefault(settings.containerPort() + "/tcp", List.of());
        for (String binding : bindings) {
            String port = binding.substring(binding.lastIndexOf(':') + 1);
            if (port.matches("\\d+")) {
                return Integer.parseInt(port);
            }
        }
        return 0;
    }
}
