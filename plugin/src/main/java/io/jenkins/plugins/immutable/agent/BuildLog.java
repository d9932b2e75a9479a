package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EventHandler;
import java.io.PrintStream;

/**
 * Writes the engine's events to the build log, one line each. The engine guarantees that no event message holds a
 * credential, so nothing is filtered here.
 */
final class BuildLog implements EventHandler {

    private final PrintStream log;

    BuildLog(PrintStream log) {
        this.log = log;
    }

    @Override
    public void on(EngineEvent event) {
        log.println(event.message());
    }
}
