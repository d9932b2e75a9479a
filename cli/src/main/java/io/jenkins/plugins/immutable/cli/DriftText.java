package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Predicate;

/** How {@code drift} shows its findings to people: each one with where, what, expected and found. */
final class DriftText {

    private DriftText() {
    }

    static void print(DriftReport report, boolean repair, PrintStream out, Predicate<String> alreadyShown) {
        if (report.findings().isEmpty()) {
            out.println("environment " + report.environment() + ": no drift");
            return;
        }
        out.println("environment " + report.environment() + ": " + report.findings().size() + " finding(s)");
        findings(report.findings(), out);
        if (!repair) {
            out.println("drift found: repair it by replacement with 'immutable drift --env " + report.environment() + " --repair'");
            return;
        }
        report.notes().stream().filter(alreadyShown.negate()).forEach(note -> out.println("note: " + note));
        out.println("repaired:");
        report.repaired().forEach(line -> out.println("  " + line));
        if (report.remaining().isEmpty()) {
            out.println("environment " + report.environment() + ": no drift after the repair");
        } else {
            out.println("still drifted after the repair: " + report.remaining().size() + " finding(s)");
            findings(report.remaining(), out);
        }
    }

    private static void findings(List<DriftFinding> findings, PrintStream out) {
        for (DriftFinding finding : findings) {
            out.println("  " + finding.kind() + "  " + (finding.colour() == null ? "-" : finding.colour().label()) + "  "
                    + finding.container() + ": " + finding.what());
            out.println("      expected: " + finding.expected());
            out.println("      found:    " + finding.found());
        }
    }
}
