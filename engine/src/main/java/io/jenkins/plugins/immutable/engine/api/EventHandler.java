package io.jenkins.plugins.immutable.engine.api;

/** Receives the engine's events; registered through {@link EngineConfig}. */
@FunctionalInterface
public interface EventHandler {

    void on(EngineEvent event);

    /** Drops every event. */
    EventHandler NONE = event -> { };
}
