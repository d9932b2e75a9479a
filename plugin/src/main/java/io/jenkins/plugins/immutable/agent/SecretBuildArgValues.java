package io.jenkins.plugins.immutable.agent;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secret build arguments' values on their way from the credentials store to the engine on the agent. Like
 * {@link RegistryLogin}, they live only inside one agent call: never kept in a step execution, a record or an action,
 * never printed ({@link #toString()} names the arguments only).
 */
public final class SecretBuildArgValues implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final SecretBuildArgValues NONE = new SecretBuildArgValues(Map.of());

    // A TreeMap, not Map.copyOf: JDK-internal collection classes may be refused by Jenkins' remoting class filter.
    private final TreeMap<String, String> values;

    public SecretBuildArgValues(Map<String, String> values) {
        this.values = new TreeMap<>(values);
    }

    Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return "SecretBuildArgValues" + values.keySet() + " (values hidden)";
    }
}
