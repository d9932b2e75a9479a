package io.jenkins.plugins.immutable.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Registry credentials from Docker's {@code config.json} ({@code auths} entries written by {@code docker login}),
 * used when the caller gives none. Credential helpers ({@code credsStore}) are not run: their secrets stay with them.
 */
public final class DockerConfigAuth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path configDir;

    /** @param configDir the folder holding {@code config.json}; {@code null}: {@code DOCKER_CONFIG}, else {@code ~/.docker} */
    public DockerConfigAuth(Path configDir) {
        this.configDir = configDir != null ? configDir
                : System.getenv("DOCKER_CONFIG") != null ? Path.of(System.getenv("DOCKER_CONFIG"))
                : Path.of(System.getProperty("user.home"), ".docker");
    }

    /** The explicit credentials when given, else those {@code config.json} holds for the registry, else {@code null}. */
    public RegistryCredentials resolve(String registry, RegistryCredentials explicit) throws ReleaseException {
        if (explicit != null) {
            return explicit;
        }
        Path file = configDir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode auths;
        try {
            auths = JSON.readTree(file.toFile()).path("auths");
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to read registry logins from " + file
                    + " but it is not valid JSON. Fix it, or run 'docker login' again.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (sameRegistry(entry.getKey(), registry)) {
                return fromEntry(entry.getValue(), file, registry);
            }
        }
        return null;
    }

    private static boolean sameRegistry(String key, String registry) {
        String host = key.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        if (registry.equals("docker.io")) {
            return host.equals("index.docker.io") || host.equals("docker.io") || host.equals("registry-1.docker.io");
        }
        return host.equals(registry);
    }

    private static RegistryCredentials fromEntry(JsonNode entry, Path file, String registry) throws ReleaseException {
        if (entry.hasNonNull("username") && entry.hasNonNull("password")) {
            return new RegistryCredentials(entry.get("username").asText(), entry.get("password").asText());
        }
        String auth = entry.path("auth").asText("");
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new ReleaseException(Kind.BAD_INPUT, "The login for " + registry + " in " + file
                    + " is malformed (its 'auth' is not base64 of user:password). Run 'docker login " + registry + "' again.");
        }
        return new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
