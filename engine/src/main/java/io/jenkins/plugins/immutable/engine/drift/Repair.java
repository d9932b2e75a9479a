package io.jenkins.plugins.immutable.engine.drift;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.router.AdminState;
import io.jenkins.plugins.immutable.engine.router.HaproxyRouter;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import io.jenkins.plugins.immutable.engine.router.ServerState;
import java.util.List;

/**
 * The parts of a repair that are not a colour's replacement (which {@code DeployStage.repair} does): removing unknown
 * containers that take no traffic, and setting the router's weights and idle state back to what the engine set.
 */
final class Repair {

    private Repair() {
    }

    /** Removes each unknown container unless a server that takes traffic points at one of its ports. */
    static void unknownContainers(Target target, List<String> repaired, List<String> notes) throws ReleaseException {
        for (Target.Unknown unknown : target.unknown()) {
            String name = unknown.container().name();
            // Read right before the removal, not at detection time: what the router sends traffic to is never removed.
            ServerState serving = servingServer(target.router().state(), unknown.container().hostPorts());
            if (serving != null) {
                notes.add("Left the unknown container " + name + " alone: HAProxy's " + serving.name() + " sends it traffic ("
                        + serving.address() + ":" + serving.port() + "). Deploy a release, then run drift --repair again.");
                continue;
            }
            target.docker().remove(unknown.container().id());
            repaired.add("removed the unknown container " + name + " (" + unknown.why() + "); it took no traffic");
        }
    }

    private static ServerState servingServer(RouterState router, List<Integer> ports) {
        for (Colour colour : Colour.values()) {
            ServerState server = router.server(colour);
            if (server.admin() != AdminState.MAINT && ports.stream().anyMatch(server::pointsAt)) {
                return server;
            }
        }
        return null;
    }

    /** Sets drifted weights back, and puts an idle colour's server that takes traffic back into maintenance. */
    static void router(Target target, List<String> repaired) throws ReleaseException {
        HaproxyRouter router = target.router();
        for (DriftFinding finding : new RouterCheck().check(target)) {
            if (RouterCheck.WEIGHT.equals(finding.what())) {
                router.setWeight(finding.colour(), HaproxyRouter.ENGINE_WEIGHT);
                repaired.add("set the weight of " + finding.container() + " back to " + HaproxyRouter.ENGINE_WEIGHT + " (was "
                        + finding.found() + ")");
            } else if (RouterCheck.IDLE_STATE.equals(finding.what())) {
                router.disable(finding.colour());
                repaired.add("put " + finding.container() + " back into maintenance (was " + finding.found()
                        + "); it is not the live colour");
            }
        }
    }
}
