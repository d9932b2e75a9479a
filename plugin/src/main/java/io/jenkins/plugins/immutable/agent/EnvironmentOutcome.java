package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An environment after a deploy, promote or rollback, as plain values for the controller. {@link #discarded()} is
 * the preview a rollback removed (traffic never moved to it), else {@code null}.
 */
public final class EnvironmentOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String environment;
    private final ColourOutcome active;
    private final ColourOutcome previous;
    private final ColourOutcome preview;
    private final ColourOutcome discarded;
    private final Long switchMillis;
    // An ArrayList, not List.copyOf: JDK-internal collection classes may be refused by Jenkins' remoting class filter.
    private final ArrayList<String> notes;
    /** A canary's rows when this operation ran one, else empty. */
    private final ArrayList<CanaryStepOutcome> canarySteps;
    /** Where the colours run ({@code docker} or {@code swarm}) after a deploy; {@code null} when not asked. */
    private final String platform;
    /** Replicas per colour after a deploy (1 on one Docker host); {@code null} when not asked. */
    private final Integer replicas;

    public EnvironmentOutcome(String environment, ColourOutcome active, ColourOutcome previous, ColourOutcome preview,
            ColourOutcome discarded, Long switchMillis, List<String> notes) {
        this(environment, active, previous, preview, discarded, switchMillis, notes, List.of());
    }

    public EnvironmentOutcome(String environment, ColourOutcome active, ColourOutcome previous, ColourOutcome preview,
            ColourOutcome discarded, Long switchMillis, List<String> notes, List<CanaryStepOutcome> canarySteps) {
        this(environment, active, previous, preview, discarded, switchMillis, notes, canarySteps, null, null);
    }

    private EnvironmentOutcome(String environment, ColourOutcome active, ColourOutcome previous, ColourOutcome preview,
            ColourOutcome discarded, Long switchMillis, List<String> notes, List<CanaryStepOutcome> canarySteps, String platform,
            Integer replicas) {
        this.platform = platform;
        this.replicas = replicas;
        this.environment = environment;
        this.active = active;
        this.previous = previous;
        this.preview = preview;
        this.discarded = discarded;
        this.switchMillis = switchMillis;
        this.notes = new ArrayList<>(notes);
        this.canarySteps = new ArrayList<>(canarySteps);
    }

    /** This outcome with the rows of the canary the operation ran. */
    public EnvironmentOutcome withCanarySteps(List<CanaryStepOutcome> steps) {
        return new EnvironmentOutcome(environment, active, previous, preview, discarded, switchMillis, notes, steps, platform, replicas);
    }

    /** This outcome with where the environment's colours run and how many replicas each has, as its settings say. */
    public EnvironmentOutcome withPlatform(String platformName, int replicaCount) {
        return new EnvironmentOutcome(environment, active, previous, preview, discarded, switchMillis, notes, canarySteps, platformName,
                replicaCount);
    }

    static EnvironmentOutcome of(EnvironmentView view) {
        return of(view, null);
    }

    static EnvironmentOutcome of(EnvironmentView view, ColourOutcome discarded) {
        return new EnvironmentOutcome(view.environment(), ColourOutcome.of(view.active()), ColourOutcome.of(view.previous()),
                ColourOutcome.of(view.preview()), discarded, view.switchMillis(), view.notes());
    }

    public String environment() {
        return environment;
    }

    public ColourOutcome active() {
        return active;
    }

    public ColourOutcome previous() {
        return previous;
    }

    public ColourOutcome preview() {
        return preview;
    }

    public ColourOutcome discarded() {
        return discarded;
    }

    /** How long the router switch took when traffic moved, else {@code null}. */
    public Long switchMillis() {
        return switchMillis;
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** {@code docker} or {@code swarm} after a deploy, else {@code null}. */
    public String platform() {
        return platform;
    }

    /** Replicas per colour after a deploy (1 on one Docker host), else {@code null}. */
    public Integer replicas() {
        return replicas;
    }

    /** The rows of the canary this operation ran, oldest first; empty when it ran none. */
    public List<CanaryStepOutcome> canarySteps() {
        return canarySteps == null ? List.of() : Collections.unmodifiableList(canarySteps);
    }
}
