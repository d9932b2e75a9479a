package io.jenkins.plugins.immutable.engine.api;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A request with one or more bad fields, all reported at once. */
public class InvalidInputException extends ReleaseException {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(Kind.BAD_INPUT, render(problems, Problem::field));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The message with each field shown under the caller's own name for it (a CLI flag, a step parameter). */
    public String describe(Function<String, String> fieldLabel) {
        return render(problems, p -> fieldLabel.apply(p.field()));
    }

    private static String render(List<Problem> problems, Function<Problem, String> label) {
        return problems.stream().map(p -> label.apply(p) + ": " + p.message()).collect(Collectors.joining("\n"));
    }
}
