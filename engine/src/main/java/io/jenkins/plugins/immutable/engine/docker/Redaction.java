package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;

/** Removes a password from any text before it can reach a message or a log, whatever a daemon chose to echo. */
final class Redaction {

    private Redaction() {
    }

    static String scrub(String text, RegistryCredentials credentials) {
        if (text == null) {
            return "";
        }
        if (credentials == null || credentials.password().isEmpty()) {
            return text;
        }
        return text.replace(credentials.password(), "****");
    }
}
