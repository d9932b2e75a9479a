package io.jenkins.plugins.immutable.steps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code canarySteps} as scripts write it, a list of shares and {@code 'pause'} ({@code canarySteps: [5, 25, 'pause', 100]}),
 * turned into the text the step's model, its form and the Snippet Generator know ({@code '5,25,pause,100'}), which scripts
 * may write too. The engine validates either form alike and names {@code canarySteps} when it refuses one.
 */
final class CanaryStepsArgument {

    static final String NAME = "canarySteps";

    private CanaryStepsArgument() {
    }

    /** The step's named arguments with a list-valued {@code canarySteps} as its text; any other form as it is. */
    static Map<String, Object> scriptArguments(Map<String, Object> arguments) {
        if (!(arguments.get(NAME) instanceof List<?> list)) {
            return arguments;
        }
        Map<String, Object> copy = new LinkedHashMap<>(arguments);
        copy.put(NAME, text(list));
        return copy;
    }

    /**
     * {@code [5, 25, 'pause', 100]} → {@code 5,25,pause,100}. A whole number is written without a fraction (Groovy may pass
     * {@code 5}, {@code 5L} or {@code 5.0}); anything else is written as it is, for the engine to refuse with its reason.
     * An empty list is kept visibly empty ({@code []}), so it is refused rather than read as "not given".
     */
    static String text(List<?> steps) {
        if (steps.isEmpty()) {
            return "[]";
        }
        List<String> parts = new ArrayList<>();
        for (Object step : steps) {
            parts.add(part(step));
        }
        return String.join(",", parts);
    }

    private static String part(Object step) {
        if (step instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).stripTrailingZeros().toBigIntegerExact().toString();
            } catch (ArithmeticException | NumberFormatException e) {
                return number.toString();
            }
        }
        return step == null ? "" : step.toString().strip();
    }
}
