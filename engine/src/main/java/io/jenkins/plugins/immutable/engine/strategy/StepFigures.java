package io.jenkins.plugins.immutable.engine.strategy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canary step's figures and the verdict on them.
 *
 * @param step      1-based position in the steps
 * @param share     the canary's share of new requests in percent
 * @param requests  answers the canary gave since the step began (the sum of HAProxy's response classes)
 * @param errors    5xx answers, response errors and connection errors since the step began
 * @param p99Millis the response-time figure: the highest {@code rtime} (HAProxy's average over the server's last 1024
 *                  requests) seen in the step's polls; HAProxy 2.6 has no percentile
 * @param verdict   success, failure or inconclusive
 * @param reason    why, in words
 */
public record StepFigures(int step, int share, long requests, long errors, long p99Millis, Verdict verdict, String reason) {

    public double errorRate() {
        return requests == 0 ? (errors > 0 ? 1.0 : 0.0) : (double) errors / Math.max(requests, errors);
    }

    // line()'s form, read back from the history by status (CanaryHistory); the two stay side by side so they agree.
    private static final Pattern LINE = Pattern.compile(
            "step (\\d+) \\((\\d+)%\\): ([a-z]+): (\\d+) requests, (\\d+) errors \\([^)]*\\), p99≈(\\d+) ms \\(rtime\\); (.*)",
            Pattern.DOTALL);

    /**
     * {@code step 2 (25%): success: 120 requests, 0 errors (0.00%), p99≈4 ms (rtime); within the thresholds}: the event's
     * text and the history's detail (after {@code canary }), which {@link #parse} reads back.
     *
     * @param label the verdict's label, or {@code promoted} when an operator moved the canary on
     */
    public String line(String label) {
        return "step " + step + " (" + share + "%): " + label + ": " + describe() + "; " + reason;
    }

    /** A {@link #line} read back: its label and figures, or empty when {@code text} is not one. */
    public static Optional<Labelled> parse(String text) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String label = m.group(3);
        Verdict verdict = switch (label) {
            case "failure" -> Verdict.FAILURE;
            case "inconclusive" -> Verdict.INCONCLUSIVE;
            default -> Verdict.SUCCESS;
        };
        return Optional.of(new Labelled(label, new StepFigures(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), verdict, m.group(7))));
    }

    /** Figures with the label their line gave them ({@code promoted} is a success an operator decided). */
    public record Labelled(String label, StepFigures figures) {
    }

    /** {@code 120 requests, 3 errors (2.50%), p99≈4 ms (rtime)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d requests, %d errors (%.2f%%), p99≈%d ms (rtime)", requests, errors,
                errorRate() * 100, p99Millis);
    }
}
