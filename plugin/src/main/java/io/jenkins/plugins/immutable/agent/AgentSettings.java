package io.jenkins.plugins.immutable.agent;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the engine keeps its state on the agent and which Docker daemon it talks to. Sent to the agent with every
 * operation; the state folder is resolved there, because {@code ~} means the home of the agent's user, not of the
 * controller's.
 */
public final class AgentSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The state folder under the agent user's home when the step names none. */
    public static final String DEFAULT_STATE_DIR = ".immutable-release";

    private final String stateDir;
    private final String dockerHost;

    /**
     * @param stateDir   the step's {@code stateDir}: absolute, {@code ~/…}, relative to the workspace, or {@code null}
     * @param dockerHost the build environment's {@code DOCKER_HOST}, or {@code null} for the engine's default
     */
    public AgentSettings(String stateDir, String dockerHost) {
        this.stateDir = blankToNull(stateDir);
        this.dockerHost = blankToNull(dockerHost);
    }

    /** The settings of a step with {@code stateDir}, run in a build whose environment is {@code env}. */
    public static AgentSettings of(String stateDir, Map<String, String> env) {
        return new AgentSettings(stateDir, env.get("DOCKER_HOST"));
    }

    public String stateDir() {
        return stateDir;
    }

    public String dockerHost() {
        return dockerHost;
    }

    /** The state folder as the agent sees it. */
    public Path resolveStateDir(Path workspace, String userHome) {
        if (stateDir == null) {
            return Path.of(userHome, DEFAULT_STATE_DIR);
        }
        if (stateDir.equals("~")) {
            return Path.of(userHome);
        }
        if (stateDir.startsWith("~/")) {
            return Path.of(userHome, stateDir.substring(2)).normalize();
        }
        return workspace.resolve(stateDir).toAbsolutePath().normalize();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
