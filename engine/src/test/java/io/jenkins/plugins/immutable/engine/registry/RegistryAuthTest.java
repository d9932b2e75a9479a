package io.jenkins.plugins.immutable.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryAuthTest {

    @TempDir
    Path dir;

    @Test
    void bearerChallengeParametersAreRead() {
        Challenge c = Challenge.parse("Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:a:pull\"");
        assertThat(c.scheme()).isEqualTo("bearer");
        assertThat(c.params()).containsEntry("realm", "https://auth.example.com/token").containsEntry("service", "registry.example.com");
        assertThat(Challenge.parse("Basic realm=\"x\"").scheme()).isEqualTo("basic");
    }

    @Test
    void loopbackRegistriesAreSpokenToOverHttpOthersOverHttps() {
        assertThat(RegistryAddress.base("127.0.0.1:5000")).hasToString("http://127.0.0.1:5000");
        assertThat(RegistryAddress.base("localhost:5000")).hasToString("http://localhost:5000");
        assertThat(RegistryAddress.base("registry.example.com")).hasToString("https://registry.example.com");
        assertThat(RegistryAddress.base("docker.io")).hasToString("https://registry-1.docker.io");
    }

    @Test
    void explicitCredentialsWin() throws Exception {
        RegistryCredentials given = new RegistryCredentials("bob", "pw");
        assertThat(new DockerConfigAuth(dir).resolve("127.0.0.1:5000", given)).isSameAs(given);
    }

    @Test
    void dockerLoginEntriesAreFoundByRegistryHost() throws Exception {
        String auth = Base64.getEncoder().encodeToString("alice:s3cr:et".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"http://127.0.0.1:5000\":{\"auth\":\"" + auth + "\"},"
                + "\"https://index.docker.io/v1/\":{\"username\":\"hub\",\"password\":\"pw\"}}}");
        DockerConfigAuth config = new DockerConfigAuth(dir);
        RegistryCredentials local = config.resolve("127.0.0.1:5000", null);
        assertThat(local.username()).isEqualTo("alice");
        assertThat(local.password()).isEqualTo("s3cr:et");
        assertThat(config.resolve("docker.io", null).username()).isEqualTo("hub");
        assertThat(config.resolve("other:5000", null)).isNull();
    }

    @Test
    void noConfigFileMeansNoCredentials() throws Exception {
        assertThat(new DockerConfigAuth(dir.resolve("none")).resolve("127.0.0.1:5000", null)).isNull();
    }

    @Test
    void aMalformedLoginSaysHowToFixItWithoutShowingIt() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"bm9jb2xvbg==\"}}}");
        assertThatThrownBy(() -> new DockerConfigAuth(dir).resolve("127.0.0.1:5000", null))
                .hasMessageContaining("docker login 127.0.0.1:5000")
                .hasMessageNotContaining("bm9jb2xvbg==");
    }
}
