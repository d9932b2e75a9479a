package io.jenkins.plugins.immutable.engine.provenance;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Build arguments whose names say they hold a secret are recorded by name only: provenance is published, secrets
 * must never be. (Their values still count in the input digest, which reveals nothing.)
 */
public final class SecretArgs {

    public static final String REDACTED = "<redacted>";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|secret|token|key|credential|auth|private).*");

    private SecretArgs() {
    }

    public static boolean looksSecret(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    public static Map<String, String> redact(Map<String, String> buildArgs) {
        Map<String, String> shown = new TreeMap<>();
        buildArgs.forEach((name, value) -> shown.put(name, looksSecret(name) ? REDACTED : value));
        return shown;
    }
}
