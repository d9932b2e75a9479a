package io.jenkins.plugins.immutable.engine.drift;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftFinding.Kind;
import io.jenkins.plugins.immutable.engine.router.AdminState;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.ServerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Kind#ROUTER}: the live colour's server points at 127.0.0.1 and the port its container publishes, and is
 * ready; the other colour's server is in maintenance; both weigh what the engine leaves them
 * ({@link HaproxyRouter#ENGINE_WEIGHT}).
 */
final class RouterCheck implements Check {

    /** What a finding about the live colour's address or state says: repaired by replacing the live colour. */
    static final String ADDRESS = "address";
    static final String LIVE_STATE = "state of the live colour";
    static final String NO_CONTAINER = "the live colour has no container";
    /** Repaired on the router alone. */
    static final String IDLE_STATE = "state of the idle colour";
    static final String WEIGHT = "weight";

    @Override
    public List<DriftFinding> check(Target target) {
        List<DriftFinding> findings = new ArrayList<>();
        Colour live = target.live();
        for (Colour colour : Colour.values()) {
            ServerState server = target.routerState().server(colour);
            String where = target.routerState().backend() + "/" + colour.label();
            if (colour == live) {
                Optional<Target.Known> container = target.known(live);
                int port = container.map(k -> target.hostPort(k.container())).orElse(0);
                if (container.isEmpty() || port == 0) {
                    findings.add(new DriftFinding(Kind.ROUTER, colour, where, NO_CONTAINER,
                            "a running " + colour.label() + " container publishing port " + target.settings().containerPort(),
                            "none; the server points at " + server.address() + ":" + server.port()));
                } else if (!server.pointsAt(port)) {
                    findings.add(new DriftFinding(Kind.ROUTER, colour, where, ADDRESS, "127.0.0.1:" + port + " ("
                            + container.get().container().name() + ")", server.address() + ":" + server.port()));
                }
                if (!server.receivesNewRequests()) {
                    findings.add(new DriftFinding(Kind.ROUTER, colour, where, LIVE_STATE, "READY",
                            server.admin() + "/" + server.operational()));
                }
            } else if (server.admin() != AdminState.MAINT) {
                findings.add(new DriftFinding(Kind.ROUTER, colour, where, IDLE_STATE, "MAINT",
                        server.admin() + "/" + server.operational()));
            }
            int weight = target.weights().getOrDefault(colour, HaproxyRouter.ENGINE_WEIGHT);
            if (weight != HaproxyRouter.ENGINE_WEIGHT) {
                findings.add(new DriftFinding(Kind.ROUTER, colour, where, WEIGHT, Integer.toString(HaproxyRouter.ENGINE_WEIGHT),
                        Integer.toString(weight)));
            }
        }
        return findings;
    }
}
