package io.jenkins.plugins.immutable.engine.docker;

import java.util.List;

/**
 * The configuration an image gives every container made from it.
 *
 * @param id         the image id ({@code sha256:…})
 * @param env        its environment, {@code K=V}
 * @param cmd        its command, or empty
 * @param entrypoint its entrypoint, or empty
 */
public record ImageConfig(String id, List<String> env, List<String> cmd, List<String> entrypoint) {

    public ImageConfig {
        env = env == null ? List.of() : List.copyOf(env);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
    }
}
