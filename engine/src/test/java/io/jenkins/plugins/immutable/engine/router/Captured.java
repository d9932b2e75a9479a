package io.jenkins.plugins.immutable.engine.router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers of a real HAProxy 2.6.12 (Debian 12) on its admin socket, captured during a switch: backend {@code app},
 * blue on a slow server with three requests in flight, green idle. {@code initial}: as configured (both
 * {@code disabled}); {@code draining}: green ready, blue set to drain; {@code switched}: blue then set to maint.
 */
final class Captured {

    private Captured() {
    }

    static String read(String name) {
        try (InputStream in = Captured.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
