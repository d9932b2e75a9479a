package io.jenkins.plugins.immutable.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects every problem of a request so the caller sees them all at once, not one per attempt. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    void add(String field, String message) {
        found.add(new Problem(field, message));
    }

    /** Parses {@code text} with {@code parser}; a failure is recorded under {@code field} and gives {@code null}. */
    <T> T parse(String field, String text, Function<String, T> parser) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    void throwIfAny() throws InvalidInputException {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
