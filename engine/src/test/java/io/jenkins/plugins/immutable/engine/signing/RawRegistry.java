package io.jenkins.plugins.immutable.engine.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tests' own look at the registry over the Distribution API, sharing no code with the engine's client: what an
 * attacker with push rights (or an auditor with curl) does by hand.
 */
final class RawRegistry {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String ACCEPT = OCI_MANIFEST + ", application/vnd.docker.distribution.manifest.v2+json";
    private final HttpClient http = HttpClient.newHttpClient();
    private final String registry;

    RawRegistry(String registry) {
        this.registry = registry;
    }

    HttpResponse<byte[]> getManifest(String path, String reference) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/v2/" + path + "/manifests/" + reference)).header("Accept", ACCEPT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode manifestJson(String path, String reference) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = getManifest(path, reference);
        if (response.statusCode() != 200) {
            throw new IOException("GET manifest " + reference + ": HTTP " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body());
    }

    byte[] blob(String path, String digest) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/v2/" + path + "/blobs/" + digest)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET blob " + digest + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** A monolithic upload: POST for a location, then one PUT of the content with {@code ?digest=}. */
    String putBlob(String path, byte[] content) throws IOException, InterruptedException {
        String digest = sha256(content);
        HttpResponse<Void> started = http.send(HttpRequest.newBuilder(uri("/v2/" + path + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        String location = started.headers().firstValue("Location").orElseThrow(() -> new IOException("no upload location"));
        URI target = uri("/").resolve(location);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target + (target.getQuery() == null ? "?" : "&")
                + "digest=" + digest)).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("PUT blob: HTTP " + response.statusCode() + " " + response.body());
        }
        return digest;
    }

    void putManifest(String path, String reference, byte[] body, String mediaType) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v2/" + path + "/manifests/" + reference))
                .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("PUT manifest " + reference + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://" + registry + path);
    }
}
