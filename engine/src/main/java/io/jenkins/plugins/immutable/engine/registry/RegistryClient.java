package io.jenkins.plugins.immutable.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException.Component;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Asks a registry (Distribution API v2) whether it serves a manifest, answering Basic and Bearer-token challenges.
 * Credentials go only into request headers; no message or exception carries them.
 */
public final class RegistryClient {

    /** Every manifest form an image digest may name: Docker v2, OCI, and their multi-platform indexes. */
    static final String ACCEPT = String.join(", ",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration timeout;
    private HttpClient http;

    public RegistryClient(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Made on first use: a JDK HttpClient starts a selector thread that delays the JVM's exit by ~300 ms, which every
     * command that never asks a registry (releases, status) would otherwise pay.
     */
    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    /** Whether the registry still serves the manifest {@code ref} names ({@code HEAD /v2/<name>/manifests/<digest>}). */
    public boolean serves(ImageRef ref, RegistryCredentials credentials) throws ReleaseException {
        return manifestDigest(ref.registry(), ref.path(), ref.digest().value(), credentials).isPresent();
    }

    /** The digest the registry reports for a tag or digest of a repository path, or empty when it has no such manifest. */
    public Optional<Digest> manifestDigest(String registry, String path, String reference, RegistryCredentials credentials)
            throws ReleaseException {
        URI uri = RegistryAddress.base(registry).resolve("/v2/" + path + "/manifests/" + reference);
        HttpResponse<Void> response = head(registry, uri, null);
        if (response.statusCode() == 401) {
            String header = response.headers().firstValue("WWW-Authenticate").orElse("Basic");
            response = head(registry, uri, authorization(registry, path, Challenge.parse(header), credentials));
        }
        int status = response.statusCode();
        if (status == 200) {
            return Optional.of(response.headers().firstValue("Docker-Content-Digest").map(Digest::parse)
                    .orElseGet(() -> reference.startsWith("sha256:") ? Digest.parse(reference) : null));
        }
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            throw refused(registry, path, credentials, status);
        }
        throw new ReleaseException(Kind.FAILED_SAFELY, "Tried to read the manifest " + path + "@" + reference + " from the registry "
                + registry + " but it answered HTTP " + status + ". Check the registry's health and try again.");
    }

    private HttpResponse<Void> head(String registry, URI uri, String authorization) throws ReleaseException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", ACCEPT)
                .method("HEAD", HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http().send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw unreachable(registry, uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(Kind.FAILED_SAFELY, "Interrupted while asking the registry " + registry, e);
        }
    }

    private String authorization(String registry, String path, Challenge challenge, RegistryCredentials credentials)
            throws ReleaseException {
        if (challenge.scheme().equals("basic")) {
            if (credentials == null) {
                throw refused(registry, path, null, 401);
            }
            return basic(credentials);
        }
        String realm = challenge.params().get("realm");
        if (!challenge.scheme().equals("bearer") || realm == null) {
            throw new ReleaseException(Kind.FAILED_SAFELY, "The registry " + registry + " asked for an authentication scheme '"
                    + challenge.scheme() + "' this tool does not speak (only Basic and Bearer tokens).");
        }
        StringBuilder tokenUri = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (challenge.params().containsKey("service")) {
            tokenUri.append("service=").append(URLEncoder.encode(challenge.params().get("service"), StandardCharsets.UTF_8)).append('&');
        }
        tokenUri.append("scope=").append(URLEncoder.encode("repository:" + path + ":pull", StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokenUri.toString())).timeout(timeout).GET();
        if (credentials != null) {
            request.header("Authorization", basic(credentials));
        }
        try {
            HttpResponse<String> response = http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw refused(registry, path, credentials, response.statusCode());
            }
            JsonNode body = JSON.readTree(response.body());
            String token = body.hasNonNull("token") ? body.get("token").asText() : body.path("access_token").asText(null);
            if (token == null) {
                throw refused(registry, path, credentials, response.statusCode());
            }
            return "Bearer " + token;
        } catch (IOException e) {
            throw unreachable(registry, URI.create(realm), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(Kind.FAILED_SAFELY, "Interrupted while authenticating to " + registry, e);
        }
    }

    private static String basic(RegistryCredentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static ReleaseException refused(String registry, String path, RegistryCredentials credentials, int status) {
        String who = credentials == null
                ? "without credentials (give registry credentials, or 'docker login' so ~/.docker/config.json holds them)"
                : "for user '" + credentials.username() + "' (check the username and password)";
        return new ReleaseException(Kind.BAD_INPUT, "The registry " + registry + " refused access to " + path + " " + who
                + " (HTTP " + status + ").");
    }

    private static ComponentUnreachableException unreachable(String registry, URI uri, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ComponentUnreachableException(Component.REGISTRY, registry, "Tried to reach the registry " + registry + " at "
                + uri.getScheme() + "://" + uri.getAuthority() + " but it could not be reached (" + why
                + "). Check that the registry runs and that the image names it.", e);
    }
}
