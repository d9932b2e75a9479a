package io.jenkins.plugins.immutable.steps;

import io.jenkins.plugins.immutable.engine.api.ImageName;
import io.jenkins.plugins.immutable.engine.api.ImageRef;

/**
 * The registry URL a credentials domain is matched against. Loopback registries are spoken to over HTTP, every other
 * one over HTTPS, as the Docker daemon does; an image that does not parse gives {@code null} (no domain filter): the
 * engine reports the bad parameter itself.
 */
final class RegistryUris {

    private RegistryUris() {
    }

    static String forImage(String image) {
        try {
            return uri(ImageName.parse(image).registry());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String forRef(String ref) {
        try {
            return uri(ImageRef.parse(ref).registry());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String uri(String host) {
        boolean loopback = host.startsWith("127.") || host.startsWith("localhost") || host.startsWith("[::1]");
        return (loopback ? "http://" : "https://") + host;
    }
}
