package io.jenkins.plugins.immutable.steps;

import hudson.util.ListBoxModel;
import java.util.Map;

/** How values from the Snippet Generator's forms become step parameters. */
final class FormValues {

    private FormValues() {
    }

    /**
     * {@code null} for a blank value, else the value trimmed: an empty text box binds as {@code ''}, which must mean
     * "not given". The contract of {@code hudson.Util.fixEmptyAndTrim}, kept here so the steps' setters also run in
     * the tests without Jenkins (the shim's {@code Util} only throws).
     */
    static String fixEmptyAndTrim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Optional booleans submitted by a three-way select: {@code ""} (keep what the environment stores) is removed, so
     * the setter is never called; {@code "true"}/{@code "false"} become booleans. A checkbox cannot say "unset".
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // Jenkins' JSONObject is a raw Map
    static void triStateBooleans(Map form, String... fields) {
        Map<String, Object> values = form;
        for (String field : fields) {
            Object value = values.get(field);
            if (value == null || (value instanceof String s && s.isBlank())) {
                values.remove(field);
            } else if (value instanceof String s) {
                values.put(field, Boolean.valueOf(s.strip()));
            }
        }
    }

    /**
     * Optional numbers submitted by a number box: a blank one ({@code ""}, "not given") is removed, so the setter is never
     * called and no binding has to turn {@code ""} into an {@code Integer}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // Jenkins' JSONObject is a raw Map
    static void blankNumbers(Map form, String... fields) {
        Map<String, Object> values = form;
        for (String field : fields) {
            Object value = values.get(field);
            if (value == null || (value instanceof String s && s.isBlank())) {
                values.remove(field);
            }
        }
    }

    /**
     * A three-way choice for an optional setting: the first entry (value {@code ""}) keeps what the environment stores,
     * then the two values it can be set to.
     */
    static ListBoxModel threeWay(String keepLabel, String firstLabel, String firstValue, String secondLabel, String secondValue) {
        ListBoxModel items = new ListBoxModel();
        items.add(keepLabel, "");
        items.add(firstLabel, firstValue);
        items.add(secondLabel, secondValue);
        return items;
    }

    /**
     * Why a number box's text is not a whole number of 1 or more, naming the field, or {@code null} when it is one or is
     * empty (not given). Kept apart from the descriptor's check so it runs in the tests without Jenkins.
     */
    static String positiveWholeNumberProblem(String field, String value) {
        String given = fixEmptyAndTrim(value);
        if (given == null) {
            return null;
        }
        try {
            if (Integer.parseInt(given) >= 1) {
                return null;
            }
        } catch (NumberFormatException e) {
            // not a whole number: the same answer as one below 1
        }
        return field + ": '" + given + "' is not a positive whole number: expected 1 or more";
    }
}
