package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException.Component;
import io.jenkins.plugins.immutable.engine.api.ImageName;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.util.Locale;

/** Reads the daemon's push (or pull) error text and says whether the registry was unreachable or refused us. */
final class PushFailures {

    private static final String[] UNREACHABLE = {"connection refused", "no such host", "dial tcp", "i/o timeout",
        "connection reset", "network is unreachable", "server gave http response to https client", "tls: "};
    private static final String[] REFUSED = {"unauthorized", "authentication required", "denied", "no basic auth credentials",
        "incorrect username or password", "forbidden"};

    private PushFailures() {
    }

    static ReleaseException classify(String verb, ImageName image, RegistryCredentials credentials, String daemonError) {
        String message = Redaction.scrub(daemonError, credentials);
        String lower = message.toLowerCase(Locale.ROOT);
        String registry = image.registry();
        for (String marker : UNREACHABLE) {
            if (lower.contains(marker)) {
                return new ComponentUnreachableException(Component.REGISTRY, registry, "Tried to " + verb + " " + image
                        + " but the registry " + registry + " could not be reached: " + DockerFailures.firstLine(message)
                        + ". Check that the registry runs and that the repository names it.", null);
            }
        }
        for (String marker : REFUSED) {
            if (lower.contains(marker)) {
                String who = credentials == null
                        ? "without credentials (give registry credentials, or 'docker login' so ~/.docker/config.json holds them)"
                        : "for user '" + credentials.username() + "' (check the username and password)";
                return new ReleaseException(Kind.BAD_INPUT, "Tried to " + verb + " " + image + " but the registry " + registry
                        + " refused access " + who + ": " + DockerFailures.firstLine(message));
            }
        }
        return new ReleaseException(Kind.FAILED_SAFELY, "Tried to " + verb + " " + image + " to the registry " + registry
                + " but failed: " + DockerFailures.firstLine(message));
    }
}
