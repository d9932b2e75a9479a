package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;

/**
 * One thing wrong with a request: the field (engine name, such as {@code buildArgs}; the CLI and the plugin
 * show their own flag or parameter name for it) and what was wrong and what is expected.
 */
public record Problem(String field, String message) implements Serializable {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
