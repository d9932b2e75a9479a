package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import java.util.Optional;

/**
 * Whether the router serves another colour than the ledger's active one. The engine's status notes a disagreement
 * ("Disagreement: …"); when its notes do not, this says it plainly, because an operator acts on exactly this.
 */
final class Disagreement {

    private Disagreement() {
    }

    static Optional<String> of(EnvironmentView view) {
        String live = view.routerLive();
        if (live == null || view.notes().stream().anyMatch(n -> n.startsWith("Disagreement"))) {
            return Optional.empty();
        }
        String ledger = view.active() == null ? "none" : view.active().colour().label();
        if (live.equalsIgnoreCase(ledger)) {
            return Optional.empty();
        }
        return Optional.of("the router serves " + live + " but the ledger says " + ledger + " is active");
    }
}
