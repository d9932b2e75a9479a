package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import java.io.Serializable;
import java.util.Objects;

/**
 * A registry username and password on their way from the credentials store to the engine on the agent. Lives only
 * inside one agent call: never kept in a step execution (which Pipeline writes to disk), never printed
 * ({@link #toString()} hides the password).
 */
public final class RegistryLogin implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final String password;

    public RegistryLogin(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    public String username() {
        return username;
    }

    RegistryCredentials toCredentials() {
        return new RegistryCredentials(username, password);
    }

    @Override
    public String toString() {
        return "RegistryLogin[" + username + ", password hidden]";
    }
}
