package io.jenkins.plugins.immutable.steps;

import hudson.model.Result;
import io.jenkins.plugins.immutable.agent.DriftFindingOutcome;
import io.jenkins.plugins.immutable.agent.DriftOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The translation of a drift check into the build: its result, its log lines, and the step's return value. */
final class DriftResults {

    private DriftResults() {
    }

    /** {@link Result#UNSTABLE} when drift is found (or left after a repair); {@code null} leaves the result alone. */
    static Result buildResult(DriftOutcome outcome) {
        return outcome.drifted() ? Result.UNSTABLE : null;
    }

    /**
     * What the Pipeline script gets (strings, booleans and lists only, as they are saved with the program):
     * {@code environment}, {@code drifted}, {@code findings} (each {@code kind, colour, container, what, expected,
     * found}), {@code repaired}, {@code remaining}.
     */
    static Map<String, Object> map(DriftOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", outcome.environment());
        map.put("drifted", outcome.drifted());
        map.put("findings", findings(outcome.findings()));
        map.put("repaired", new ArrayList<>(outcome.repaired()));
        map.put("remaining", findings(outcome.remaining()));
        return map;
    }

    private static List<Map<String, Object>> findings(List<DriftFindingOutcome> findings) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (DriftFindingOutcome finding : findings) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", finding.kind());
            item.put("colour", finding.colour());
            item.put("container", finding.container());
            item.put("what", finding.what());
            item.put("expected", finding.expected());
            item.put("found", finding.found());
            list.add(item);
        }
        return list;
    }

    /** The lines for the build log. */
    static List<String> log(DriftOutcome outcome, boolean repair) {
        List<String> lines = new ArrayList<>();
        if (outcome.findings().isEmpty()) {
            lines.add("No drift in " + outcome.environment() + ".");
            return lines;
        }
        lines.add(outcome.findings().size() + " drift finding(s) in " + outcome.environment() + ":");
        outcome.findings().forEach(f -> lines.add("  " + f.describe()));
        outcome.repaired().forEach(r -> lines.add("  repaired: " + r));
        if (outcome.drifted()) {
            lines.add((repair ? "Drift is left after the repair" : "Drift found") + " in " + outcome.environment()
                    + ": the build is marked UNSTABLE." + (repair ? "" : " Repair it with immutableDriftCheck(environment: '"
                    + outcome.environment() + "', repair: true)."));
        } else {
            lines.add("Repaired: no drift is left in " + outcome.environment() + ".");
        }
        return lines;
    }
}
