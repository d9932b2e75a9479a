package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What an operation is about to do to an environment, journaled before each step that changes the world (a
 * container started, the router switched, a colour removed). If the process dies mid-operation, the next command on
 * the environment finds an intent that is not {@link #finished()} and reconciles: finishes or undoes that step.
 *
 * @param id          the operation's id; every phase of one operation shares it
 * @param environment the environment it changes
 * @param operation   what kind of operation
 * @param phase       the step about to happen (the deploy stage names them, e.g. {@code start-container},
 *                    {@code switch-router}); {@link #DONE} once the operation has completed or been undone
 * @param colour      the colour the step acts on, if any
 * @param releaseId   the release the operation puts in place, if any
 * @param ref         that release's image, by digest, if any
 * @param details     whatever else finishing or undoing the step needs (container name, the colour traffic was on),
 *                    sorted by key
 * @param at          when the intent was written
 */
public record Intent(String id, String environment, Operation operation, String phase, Colour colour, String releaseId,
        ImageRef ref, Map<String, String> details, Instant at) {

    /** The phase of an operation that has nothing left to reconcile. */
    public static final String DONE = "done";

    /** The operations that change an environment. */
    public enum Operation {
        DEPLOY,
        PROMOTE,
        ABORT,
        ROLLBACK,
        RETIRE,
        REPAIR
    }

    public Intent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(at, "at");
        if (phase == null || phase.isBlank()) {
            throw new IllegalArgumentException("an intent needs a phase");
        }
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** The first phase of a new operation, under a fresh id. */
    public static Intent begin(String environment, Operation operation, String phase, Colour colour, String releaseId,
            ImageRef ref, Map<String, String> details, Instant at) {
        return new Intent(UUID.randomUUID().toString(), environment, operation, phase, colour, releaseId, ref, details, at);
    }

    /** The same operation at its next phase, with the details so far plus {@code moreDetails}. */
    public Intent next(String nextPhase, Map<String, String> moreDetails, Instant when) {
        Map<String, String> merged = new TreeMap<>(details);
        merged.putAll(moreDetails);
        return new Intent(id, environment, operation, nextPhase, colour, releaseId, ref, merged, when);
    }

    /** The same operation, completed (or completely undone). */
    public Intent done(Instant when) {
        return next(DONE, Map.of(), when);
    }

    /** {@code true} when nothing is left to reconcile. */
    public boolean finished() {
        return DONE.equals(phase);
    }
}
