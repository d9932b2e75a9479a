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

    private final RegistryHttp http;

    public RegistryClient(Duration timeout) {
        this.http = new RegistryHttp(timeout);
    }

    /** Whether the registry still serves the manifest {@code ref} names ({@code HEAD /v2/<name>/manifests/<digest>}). */
    public boolean serves(ImageRef ref, RegistryCredentials credentials) throws ReleaseException {
        return manifestDigest(ref.registry(), ref.path(), ref.digest().value(), credentials).isPresent();
    }

    /** The digest the registry reports for a tag or digest of a repository path, or empty when it has no such manifest. */
    public Optional<Digest> manifestDigest(String registry, String path, String reference, RegistryCredentials credentials)
            throws ReleaseException {
        URI uri = RegistryAddress.base(registry).resolve("/v2/" + path + "/manifests/" + reference);
        RegistryHttp.Reply response = head(registry, uri, null);
        if (response.status() == 401) {
            String header = response.header("WWW-Authenticate").orElse("Basic");
            response = head(registry, uri, authorization(registry, path, Challenge.parse(header), credentials));
        }
        int status = response.status();
        if (status == 200) {
            return Optional.of(response.header("Docker-Content-Digest").map(Digest::parse)
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

    private RegistryHttp.Reply head(String registry, URI uri, String authorization) throws ReleaseException {
        return send(registry, request("HEAD", uri, authorization).header("Accept", ACCEPT));
    }

    private String authorization(String registry, String path, Challenge challenge, RegistryCredentials credentials)
            throws ReleaseException {
        return authorization(registry, path, challenge, credentials, "pull");
    }

    private String authorization(String registry, String path, Challenge challenge, RegistryCredentials credentials,
            String actions) throws ReleaseException {
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
        tokenUri.append("scope=").append(URLEncoder.encode("repository:" + path + ":" + actions, StandardCharsets.UTF_8));
        RegistryHttp.Request request = request("GET", URI.create(tokenUri.toString()),
                credentials == null ? null : basic(credentials));
        RegistryHttp.Reply response;
        try {
            response = http.send(request);
        } catch (IOException e) {
            throw unreachable(registry, URI.create(realm), e);
        }
        if (response.status() != 200) {
            throw refused(registry, path, credentials, response.status());
        }
        String token;
        try {
            JsonNode body = JSON.readTree(response.body());
            token = body.hasNonNull("token") ? body.get("token").asText() : body.path("access_token").asText(null);
        } catch (IOException e) {
            token = null; // not JSON: no token in it
        }
        if (token == null) {
            throw refused(registry, path, credentials, response.status());
        }
        return "Bearer " + token;
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

    // Writes and reads of OCI artifacts (signed provenance): blobs, manifests, the referrers API.

    /** A manifest as the registry serves it: its bytes, media type and digest. */
    public record Manifest(byte[] body, String mediaType, Digest digest) {
    }

    /** The manifest a tag or digest names ({@code GET /v2/<name>/manifests/<reference>}), or empty on 404. */
    public Optional<Manifest> manifest(String registry, String path, String reference, RegistryCredentials credentials)
            throws ReleaseException {
        URI uri = RegistryAddress.base(registry).resolve("/v2/" + path + "/manifests/" + reference);
        RegistryHttp.Reply response = exchange(registry, path, "pull", credentials,
                auth -> request("GET", uri, auth).header("Accept", ACCEPT));
        if (response.status() == 404) {
            return Optional.empty();
        }
        expect(response, 200, registry, "read the manifest " + path + ":" + reference);
        String type = response.header("Content-Type").orElse("");
        Digest digest = response.header("Docker-Content-Digest").map(Digest::parse)
                .orElseGet(() -> digestOf(response.body()));
        return Optional.of(new Manifest(response.body(), type, digest));
    }

    /** A blob's bytes ({@code GET /v2/<name>/blobs/<digest>}), checked against its digest. */
    public byte[] blob(String registry, String path, Digest digest, RegistryCredentials credentials) throws ReleaseException {
        URI uri = RegistryAddress.base(registry).resolve("/v2/" + path + "/blobs/" + digest.value());
        RegistryHttp.Reply response = exchange(registry, path, "pull", credentials, auth -> request("GET", uri, auth));
        expect(response, 200, registry, "read the blob " + path + "@" + digest);
        if (!digestOf(response.body()).equals(digest)) {
            throw new ReleaseException(Kind.FAILED_SAFELY, "The registry " + registry + " served a blob of " + path
                    + " whose content does not match its digest " + digest + ". Check the registry's storage.");
        }
        return response.body();
    }

    /**
     * Uploads a blob unless the registry has it: {@code HEAD} it, else {@code POST /v2/<name>/blobs/uploads/} and one
     * monolithic {@code PUT} of the content to the upload location with {@code ?digest=}.
     */
    public Digest pushBlob(String registry, String path, byte[] content, RegistryCredentials credentials) throws ReleaseException {
        Digest digest = digestOf(content);
        URI base = RegistryAddress.base(registry);
        URI existing = base.resolve("/v2/" + path + "/blobs/" + digest.value());
        RegistryHttp.Reply head = exchange(registry, path, "pull,push", credentials, auth -> request("HEAD", existing, auth));
        if (head.status() == 200) {
            return digest;
        }
        URI uploads = base.resolve("/v2/" + path + "/blobs/uploads/");
        RegistryHttp.Reply started = exchange(registry, path, "pull,push", credentials, auth -> request("POST", uploads, auth));
        expect(started, 202, registry, "start a blob upload to " + path);
        String location = started.header("Location").orElseThrow(() -> new ReleaseException(Kind.FAILED_SAFELY,
                "The registry " + registry + " started an upload to " + path + " but named no location for it."));
        URI target = base.resolve(location);
        URI put = URI.create(target + (target.getRawQuery() == null ? "?" : "&") + "digest="
                + URLEncoder.encode(digest.value(), StandardCharsets.UTF_8));
        RegistryHttp.Reply done = exchange(registry, path, "pull,push", credentials,
                auth -> request("PUT", put, auth).header("Content-Type", "application/octet-stream").body(content));
        expect(done, 201, registry, "upload the blob " + digest + " to " + path);
        return digest;
    }

    /** Stores a manifest under a tag or its digest ({@code PUT /v2/<name>/manifests/<reference>}); returns its digest. */
    public Digest putManifest(String registry, String path, String reference, byte[] body, String mediaType,
            RegistryCredentials credentials) throws ReleaseException {
        URI uri = RegistryAddress.base(registry).resolve("/v2/" + path + "/manifests/" + reference);
        RegistryHttp.Reply response = exchange(registry, path, "pull,push", credentials,
                auth -> request("PUT", uri, auth).header("Content-Type", mediaType).body(body));
        expect(response, 201, registry, "store the manifest " + path + ":" + reference);
        return digestOf(body);
    }

    /**
     * Whether the registry answers the OCI 1.1 referrers API for a digest ({@code GET /v2/<name>/referrers/<digest>}
     * with an image index). Distribution 2.8 answers 404.
     */
    public boolean answersReferrers(String registry, String path, Digest digest, RegistryCredentials credentials)
            throws ReleaseException {
        URI uri = RegistryAddress.base(registry).resolve("/v2/" + path + "/referrers/" + digest.value());
        RegistryHttp.Reply response = exchange(registry, path, "pull", credentials,
                auth -> request("GET", uri, auth).header("Accept", "application/vnd.oci.image.index.v1+json"));
        return response.status() == 200 && response.header("Content-Type").orElse("")
                .startsWith("application/vnd.oci.image.index.v1+json");
    }

    private static RegistryHttp.Request request(String method, URI uri, String authorization) {
        return RegistryHttp.Request.of(method, uri).header("Authorization", authorization);
    }

    /** Sends once without credentials and, when challenged, again with the authorization the challenge asks for. */
    private RegistryHttp.Reply exchange(String registry, String path, String actions, RegistryCredentials credentials,
            java.util.function.Function<String, RegistryHttp.Request> request) throws ReleaseException {
        RegistryHttp.Reply response = send(registry, request.apply(null));
        if (response.status() == 401) {
            String header = response.header("WWW-Authenticate").orElse("Basic");
            response = send(registry, request.apply(authorization(registry, path, Challenge.parse(header), credentials, actions)));
        }
        if (response.status() == 401 || response.status() == 403) {
            throw refused(registry, path, credentials, response.status());
        }
        return response;
    }

    private RegistryHttp.Reply send(String registry, RegistryHttp.Request request) throws ReleaseException {
        try {
            return http.send(request);
        } catch (IOException e) {
            throw unreachable(registry, request.uri(), e);
        }
    }

    private static void expect(RegistryHttp.Reply response, int status, String registry, String what) throws ReleaseException {
        if (response.status() != status) {
            throw new ReleaseException(Kind.FAILED_SAFELY, "Tried to " + what + " on the registry " + registry
                    + " but it answered HTTP " + response.status() + ". Check the registry's health and permissions.");
        }
    }

    /** The sha256 digest of some bytes, as the registry names content. */
    public static Digest digestOf(byte[] content) {
        try {
            return Digest.ofSha256(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
