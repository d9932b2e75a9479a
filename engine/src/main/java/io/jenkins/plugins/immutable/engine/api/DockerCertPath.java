package io.jenkins.plugins.immutable.engine.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Docker TLS folder ({@code DOCKER_CERT_PATH}): the CA that signed the daemon's certificate and the client's own
 * certificate and key, under the names Docker's tools use. Only the path is ever stored, never what the files hold.
 */
public final class DockerCertPath {

    /** The files Docker's client reads from the folder. */
    public static final List<String> FILES = List.of("ca.pem", "cert.pem", "key.pem");

    private DockerCertPath() {
    }

    /**
     * The folder as an absolute path, once it holds {@link #FILES}.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public static Path parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty: expected a folder with ca.pem, cert.pem and key.pem");
        }
        Path dir = Path.of(text.strip()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("'" + text + "' is not a folder: expected a folder with ca.pem, cert.pem and key.pem"
                    + " (as DOCKER_CERT_PATH names)");
        }
        List<String> missing = new ArrayList<>();
        for (String file : FILES) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(dir + " has no " + String.join(", ", missing)
                    + ": expected a folder with ca.pem, cert.pem and key.pem (as DOCKER_CERT_PATH names)");
        }
        return dir;
    }
}
