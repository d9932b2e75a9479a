package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.util.List;

/**
 * An environment after a deploy, promote, abort, rollback or status.
 *
 * @param environment  its name
 * @param active       the colour receiving traffic, or {@code null} before the first deploy
 * @param previous     the colour that was active before (WARM or RETIRED), or {@code null}
 * @param preview      a healthy colour waiting for promotion, or {@code null}
 * @param switchMillis how long the router switch took when this operation moved traffic, else {@code null}
 * @param routerLive   the colour HAProxy actually serves ({@code blue}, {@code green}, {@code none}), or {@code null}
 *                     when the router was not asked
 * @param notes        reconciliations performed and disagreements between the ledger and the world
 * @param canary       {@code status} only: the canary in progress, or the environment's last canary, with its rows;
 *                     {@code null} when it never ran one (and after any other operation)
 */
public record EnvironmentView(String environment, ColourView active, ColourView previous, ColourView preview, Long switchMillis,
        String routerLive, List<String> notes, CanaryReport canary) implements Serializable {

    public EnvironmentView {
        notes = List.copyOf(notes);
    }

    /** A view without a canary report: the form before canaries. */
    public EnvironmentView(String environment, ColourView active, ColourView previous, ColourView preview, Long switchMillis,
            String routerLive, List<String> notes) {
        this(environment, active, previous, preview, switchMillis, routerLive, notes, null);
    }

    /** This view with {@code canary} reported. */
    public EnvironmentView withCanary(CanaryReport canary) {
        return new EnvironmentView(environment, active, previous, preview, switchMillis, routerLive, notes, canary);
    }

    public boolean trafficMoved() {
        return switchMillis != null;
    }
}
