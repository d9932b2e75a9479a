package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Problem;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import java.util.ArrayList;
import java.util.List;

/** Validation the engine's request builders leave to the caller, reported together with theirs. */
final class Requests {

    private Requests() {
    }

    /** An engine request builder's {@code build()}. */
    @FunctionalInterface
    interface Validated<T> {
        T build() throws InvalidInputException;
    }

    /** Builds the request and reports the engine's problems and {@code extra} ones at once. */
    static <T> T build(Validated<T> request, List<Problem> extra) throws InvalidInputException {
        T built;
        try {
            built = request.build();
        } catch (InvalidInputException e) {
            List<Problem> all = new ArrayList<>(e.problems());
            all.addAll(extra);
            throw new InvalidInputException(all);
        }
        if (!extra.isEmpty()) {
            throw new InvalidInputException(extra);
        }
        return built;
    }

    /**
     * Checks an environment name the way every engine request does. {@link RollbackRequest#of} is the engine's public
     * validation of a bare name, so the rule lives in one place.
     */
    static String environment(String name) throws InvalidInputException {
        return RollbackRequest.of(name, null, null).environment();
    }
}
