package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.ColourView;
import java.io.Serializable;

/** One colour of an environment after an operation, as plain values for the controller. */
public final class ColourOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String colour;
    private final String ref;
    private final String releaseId;
    private final String state;
    private final long sinceMillis;

    public ColourOutcome(String colour, String ref, String releaseId, String state, long sinceMillis) {
        this.colour = colour;
        this.ref = ref;
        this.releaseId = releaseId;
        this.state = state;
        this.sinceMillis = sinceMillis;
    }

    /** {@code null} for {@code null}: environments have colours only after their first deploy. */
    static ColourOutcome of(ColourView view) {
        if (view == null) {
            return null;
        }
        return new ColourOutcome(view.colour().label(), view.ref() == null ? null : view.ref().toString(), view.releaseId(),
                view.state() == null ? null : view.state().name(), view.since() == null ? 0L : view.since().toEpochMilli());
    }

    /** {@code blue} or {@code green}. */
    public String colour() {
        return colour;
    }

    public String ref() {
        return ref;
    }

    public String releaseId() {
        return releaseId;
    }

    /** The deployment state's name: {@code ACTIVE}, {@code HEALTHY}, {@code WARM}, … */
    public String state() {
        return state;
    }

    public long sinceMillis() {
        return sinceMillis;
    }
}
