package io.jenkins.plugins.immutable.engine.api;

import java.time.Duration;

/**
 * What the engine reports while it works. Handlers (the CLI's printer, the plugin's build log, tests) receive
 * them in order on the engine's thread; {@link #message()} is the line a person reads.
 */
public sealed interface EngineEvent {

    /** The line to show a person. Never holds a credential. */
    String message();

    /** A stage of an operation began ({@code input-digest}, {@code build}, {@code push}, {@code health}, …). */
    record StageStarted(String stage, String detail) implements EngineEvent {
        @Override
        public String message() {
            return "[" + stage + "] " + detail;
        }
    }

    /** A line of the daemon's build or push output, as it streams. */
    record LogLine(String line) implements EngineEvent {
        @Override
        public String message() {
            return line;
        }
    }

    /** Something the user should know: a reuse, a reconciliation, why a build happens anew. */
    record Notice(String text) implements EngineEvent {
        @Override
        public String message() {
            return text;
        }
    }

    /** Something that did not stop the operation but may need attention. */
    record Warning(String text) implements EngineEvent {
        @Override
        public String message() {
            return "WARNING: " + text;
        }
    }

    /** One probe of a colour's health endpoint. */
    record HealthProbe(String colour, int attempt, String outcome, int consecutivePasses, Duration elapsed, Duration timeout)
            implements EngineEvent {
        @Override
        public String message() {
            return String.format("[health] %s probe %d: %s (%d in a row) %.1fs of %ds",
                    colour, attempt, outcome, consecutivePasses, elapsed.toMillis() / 1000.0, timeout.toSeconds());
        }
    }

    /** The router now sends new requests to {@code to}. */
    record TrafficSwitched(String environment, String from, String to, long switchMillis) implements EngineEvent {
        @Override
        public String message() {
            return "[switch] " + environment + ": traffic moved " + (from == null ? "" : "from " + from + " ")
                    + "to " + to + " in " + switchMillis + " ms";
        }
    }

    /**
     * A canary step began, or was judged: {@code verdict} is {@code begun}, {@code success}, {@code failure},
     * {@code inconclusive}, {@code promoted} or {@code aborted}; {@code p99Millis} is HAProxy's {@code rtime} figure.
     */
    record CanaryStep(String environment, int step, int share, long requests, long errors, long p99Millis, String verdict,
            String text) implements EngineEvent {
        @Override
        public String message() {
            return "[canary] " + environment + ": " + text;
        }
    }
}
