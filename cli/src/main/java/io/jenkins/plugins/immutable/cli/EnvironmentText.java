package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.CanaryReport;
import io.jenkins.plugins.immutable.engine.api.ColourView;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** An environment for people: which colour serves, which waits, which is warm, and what the router really does. */
final class EnvironmentText {

    /** How the engine's status begins the note that this ledger was behind the target (it shows the target). */
    static final String LEDGER_BEHIND = "Disagreement: this ledger is behind the target";


    private EnvironmentText() {
    }

    static void print(EnvironmentView view, PrintStream out) {
        print(view, out, note -> false);
    }

    /**
     * The environment; notes that {@code alreadyShown} were printed as they happened and are left out. The switch time
     * is not repeated either: the engine's switch event said it when it happened.
     */
    static void print(EnvironmentView view, PrintStream out, Predicate<String> alreadyShown) {
        out.println("environment " + view.environment());
        List<ColourView> colours = new ArrayList<>();
        for (ColourView colour : new ColourView[] {view.active(), view.preview(), view.previous()}) {
            if (colour != null) {
                colours.add(colour);
            }
        }
        if (colours.isEmpty()) {
            out.println("  nothing deployed yet");
        } else {
            Table table = new Table("COLOUR", "STATE", "RELEASE", "REF", "SINCE");
            colours.forEach(c -> table.row(c.colour().label(), c.state(), c.releaseId(), c.ref(), Times.format(c.since())));
            table.print(out);
        }
        out.println(router(view));
        canary(view.canary(), out);
        view.notes().stream().filter(alreadyShown.negate()).forEach(note -> out.println("note: " + note));
        Disagreement.of(view).ifPresent(d -> out.println("DISAGREEMENT: " + d));
    }

    /** The canary in progress, or the last one: a row per verdict (status only; other operations report none). */
    private static void canary(CanaryReport canary, PrintStream out) {
        if (canary == null) {
            return;
        }
        out.println((canary.outcome().equals(CanaryReport.IN_PROGRESS) ? "canary in progress: " : "last canary: ")
                + canary.releaseId() + " in " + canary.colour().label()
                + (canary.outcome().equals(CanaryReport.IN_PROGRESS) ? "" : ", " + canary.outcome()));
        Table table = new Table("STEP", "SHARE", "REQUESTS", "ERRORS", "P99≈", "VERDICT", "AT", "WHY");
        for (CanaryReport.Step step : canary.steps()) {
            boolean figures = !step.verdict().equals(CanaryReport.ABORTED);
            table.row(Integer.toString(step.step()), step.share() + "%", figures ? Long.toString(step.requests()) : "",
                    figures ? Long.toString(step.errors()) : "", figures ? step.p99Millis() + " ms" : "", step.verdict(),
                    Times.format(step.at()), step.reason());
        }
        table.print(out);
    }

    private static String router(EnvironmentView view) {
        if (view.routerLive() == null) {
            return "router: not asked";
        }
        boolean ledgerBehind = view.notes().stream().anyMatch(n -> n.startsWith(LEDGER_BEHIND));
        return "router: serves " + view.routerLive() + (ledgerBehind ? " (as the containers show; this ledger was behind them, see the"
                + " note)" : Disagreement.of(view).isEmpty() ? " (agrees with the ledger)" : "");
    }
}
