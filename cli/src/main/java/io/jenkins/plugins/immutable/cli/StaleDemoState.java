package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;

/**
 * After {@code scripts/services stop} the daemon's containers are gone while the demo's ledger still records a live
 * colour. The engine treats a deploy of the recorded live release as "nothing to do" even when its container is gone,
 * so that ledger could not show v1 again. Such a state is set aside (kept, renamed) and the demo starts afresh.
 */
final class StaleDemoState {

    private StaleDemoState() {
    }

    /** Sets {@code state} aside when its live colour's container is not on the daemon; says so on {@code out}. */
    static void setAsideIfGone(Path state, String dockerHost, Function<EngineConfig, ReleaseEngine> engines, PrintStream out)
            throws Exception {
        if (!Files.isDirectory(state)) {
            return;
        }
        EnvironmentView view;
        try (ReleaseEngine engine = engines.apply(EngineConfig.builder(state).dockerHost(dockerHost).build())) {
            view = engine.status(Demo.ENV);
        } catch (InvalidInputException noEnvironmentYet) {
            return;
        }
        if (view.active() == null) {
            return;
        }
        Map<String, String> running = Containers.named(dockerHost, Demo.APP + "-" + Demo.ENV + "-");
        if (running.containsKey(view.active().container())) {
            return;
        }
        Path aside = state.resolveSibling("state.stale-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.move(state, aside);
        out.println("The ledger of the last demo records " + view.active().colour().label() + " (" + view.active().releaseId()
                + ") as live, but its container " + view.active().container() + " is gone ('scripts/services stop' removes containers).");
        out.println("The demo starts with a fresh state; the old one is kept in " + aside + ".");
    }
}
