package io.jenkins.plugins.immutable.engine.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}, {@code PT30S}. */
public final class Durations {

    public static final String EXPECTED = "expected a duration such as 30s, 5m, 1h30m or PT30S";

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what was wrong and what is expected
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty: " + EXPECTED);
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        if (value.startsWith("p")) {
            try {
                return nonNegative(text, Duration.parse(value.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration: " + EXPECTED);
            }
        }
        if (!WHOLE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: " + EXPECTED);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration: " + EXPECTED);
        }
        return total;
    }

    /** Formats for people and for round trips through {@link #parse}: {@code 1h30m}, {@code 45s}, {@code 250ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long days = duration.toDays();
        int hours = duration.toHoursPart();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        int millis = duration.toMillisPart();
        if (days > 0) {
            out.append(days).append('d');
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (seconds > 0) {
            out.append(seconds).append('s');
        }
        if (millis > 0) {
            out.append(millis).append("ms");
        }
        return out.toString();
    }

    private static Duration nonNegative(String text, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative: " + EXPECTED);
        }
        return duration;
    }
}
