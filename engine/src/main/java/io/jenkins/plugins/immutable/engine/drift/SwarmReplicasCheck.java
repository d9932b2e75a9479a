package io.jenkins.plugins.immutable.engine.drift;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftFinding.Kind;
import io.jenkins.plugins.immutable.engine.api.Endpoint;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.docker.ContainerInfo;
import io.jenkins.plugins.immutable.engine.platform.Platform;
import io.jenkins.plugins.immutable.engine.platform.SwarmPlatform;
import io.jenkins.plugins.immutable.engine.platform.TargetLabels;
import io.jenkins.plugins.immutable.engine.router.RouterState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drift of a Swarm environment's services: a colour's service that runs fewer replicas than it should (its node was
 * lost, or a task keeps failing), a service whose image was changed behind the engine's back ({@code docker service
 * update --image}: its spec no longer runs the reference its labels record), and a live colour whose router servers
 * point where none of its replicas runs (the Swarm replaced a task elsewhere, at another address and port). The
 * container-level checks of files and configuration read containers on one Docker host; on a Swarm the tasks'
 * containers live on the nodes, which the engine does not reach.
 */
final class SwarmReplicasCheck {

    private SwarmReplicasCheck() {
    }

    static List<DriftFinding> check(String environment, String app, Platform swarm, RouterState router) throws ReleaseException {
        List<DriftFinding> findings = new ArrayList<>();
        for (Colour colour : Colour.values()) {
            String name = app + "-" + environment + "-" + colour.label();
            Optional<ContainerInfo> service = swarm.inspect(name);
            if (service.isEmpty()) {
                if (router.server(colour).receivesNewRequests()) {
                    findings.add(new DriftFinding(Kind.REPLICAS, colour, name, "no service for a live colour",
                            "service " + name + " with its replicas", "none; HAProxy routes to " + router.routes(colour)));
                }
                continue;
            }
            ContainerInfo info = service.get();
            String recorded = info.labels().get(TargetLabels.REF);
            if (recorded != null && !recorded.equals(info.image())) {
                findings.add(new DriftFinding(Kind.IMAGE, colour, name, "service updated to another image", recorded,
                        info.image()));
            }
            if (!info.running()) {
                findings.add(new DriftFinding(Kind.REPLICAS, colour, name, "replicas not running",
                        info.desired() + " running", SwarmPlatform.describe(info)));
            }
            Set<String> stale = new TreeSet<>();
            for (Endpoint routed : router.routes(colour)) {
                if (!info.endpoints().contains(routed)) {
                    stale.add(routed.toString());
                }
            }
            if (!stale.isEmpty()) {
                findings.add(new DriftFinding(Kind.REPLICAS, colour, name, "router sends traffic where no replica runs",
                        "HAProxy routes " + colour.label() + " to its running replicas " + info.endpoints(),
                        "it also routes to " + String.join(", ", stale)));
            }
        }
        return findings;
    }
}
