package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.ColourView;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** An environment for people: which colour serves, which waits, which is warm, and what the router really does. */
final class EnvironmentText {

    private EnvironmentText() {
    }

    static void print(EnvironmentView view, PrintStream out) {
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
        if (view.switchMillis() != null && view.active() != null) {
            out.println("traffic moved to " + view.active().colour().label() + " in " + view.switchMillis() + " ms");
        }
        view.notes().forEach(note -> out.println("note: " + note));
        Disagreement.of(view).ifPresent(d -> out.println("DISAGREEMENT: " + d));
    }

    private static String router(EnvironmentView view) {
        if (view.routerLive() == null) {
            return "router: not asked";
        }
        return "router: serves " + view.routerLive() + (Disagreement.of(view).isEmpty() ? " (agrees with the ledger)" : "");
    }
}
