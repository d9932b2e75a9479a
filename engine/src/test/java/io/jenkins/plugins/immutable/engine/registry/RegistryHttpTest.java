package io.jenkins.plugins.immutable.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a registry's redirects are followed: the token stays with its registry, HTTPS never falls back to HTTP. */
class RegistryHttpTest {

    private static RegistryHttp.Request get(String uri) {
        return RegistryHttp.Request.of("GET", URI.create(uri)).header("Authorization", "Bearer t0ken").header("Accept", "x");
    }

    @Test
    void aRedirectToAnotherHostLosesTheAuthorization() throws IOException {
        RegistryHttp.Request next = RegistryHttp.redirected(get("https://registry.example.com/v2/a/blobs/sha256:1"), 307,
                URI.create("https://storage.example.net/blob?sig=1"));

        assertThat(next.uri()).hasToString("https://storage.example.net/blob?sig=1");
        assertThat(next.headers()).doesNotContainKey("Authorization").containsEntry("Accept", "x");
        assertThat(next.method()).isEqualTo("GET");
    }

    @Test
    void aRedirectOnTheSameRegistryKeepsIt() throws IOException {
        RegistryHttp.Request next = RegistryHttp.redirected(get("http://127.0.0.1:5000/v2/a/manifests/v1"), 301,
                URI.create("http://127.0.0.1:5000/v2/a/manifests/sha256:2"));

        assertThat(next.headers()).containsEntry("Authorization", "Bearer t0ken");
    }

    @Test
    void anotherPortIsAnotherOrigin() throws IOException {
        RegistryHttp.Request next = RegistryHttp.redirected(get("http://127.0.0.1:5000/v2/"), 302, URI.create("http://127.0.0.1:5001/v2/"));

        assertThat(next.headers()).doesNotContainKey("Authorization");
    }

    @Test
    void httpsIsNeverDowngraded() {
        assertThatThrownBy(() -> RegistryHttp.redirected(get("https://registry.example.com/v2/"), 302,
                URI.create("http://registry.example.com/v2/")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("from HTTPS to http://registry.example.com");
    }

    @Test
    void see303TurnsAnUploadIntoAGetWithoutItsBody() throws IOException {
        RegistryHttp.Request put = RegistryHttp.Request.of("PUT", URI.create("http://127.0.0.1:5000/v2/a/blobs/uploads/1"))
                .body(new byte[] {1, 2, 3});

        RegistryHttp.Request next = RegistryHttp.redirected(put, 303, URI.create("http://127.0.0.1:5000/v2/a/blobs/sha256:3"));
        RegistryHttp.Request kept = RegistryHttp.redirected(put, 307, URI.create("http://127.0.0.1:5000/v2/a/blobs/uploads/2"));

        assertThat(next.method()).isEqualTo("GET");
        assertThat(next.body()).isNull();
        assertThat(kept.method()).isEqualTo("PUT");
        assertThat(kept.body()).containsExactly(1, 2, 3);
    }

    @Test
    void headersAreFoundWhateverTheirCase() {
        RegistryHttp.Reply reply = new RegistryHttp.Reply(200, Map.of("docker-content-digest", "sha256:abc"), new byte[0]);

        assertThat(reply.header("Docker-Content-Digest")).contains("sha256:abc");
        assertThat(reply.header("Location")).isEmpty();
    }
}
