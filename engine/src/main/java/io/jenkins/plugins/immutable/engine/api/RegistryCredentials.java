package io.jenkins.plugins.immutable.engine.api;

import java.util.Objects;

/**
 * A username and password for a registry. Deliberately not a record and not {@link java.io.Serializable}:
 * {@link #toString()} never shows the password, and it is never written anywhere.
 */
public final class RegistryCredentials {

    private final String username;
    private final String password;

    public RegistryCredentials(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return "RegistryCredentials[" + username + ", password hidden]";
    }
}
