package io.jenkins.plugins.immutable.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    private static final String HEX = "9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645a";

    @Test
    void digestKeepsItsHexAndShortForm() {
        Digest digest = Digest.parse("sha256:" + HEX);
        assertThat(digest.hex()).isEqualTo(HEX);
        assertThat(digest.shortHex(12)).isEqualTo("9ac06bca2335");
        assertThat(digest).hasToString("sha256:" + HEX);
        assertThat(Digest.parseLenient(HEX)).isEqualTo(digest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha256:", "sha256:abc", "sha512:" + HEX, "SHA256:" + HEX,
        "sha256:9AC06BCA2335705AAF276519BFDB5BC49F461DEB38838B1A0B84E8886DDB645A", HEX,
        // the hand-written check's edges: one digit too many or too few, and the characters just outside 0-9 and a-f
        "sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645a0",
        "sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645",
        "sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645/",
        "sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645:",
        "sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645`",
        "sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645g",
        "xsha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb64"})
    void malformedDigestsAreRefusedWithWhatIsExpected(String text) {
        assertThatThrownBy(() -> Digest.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected sha256: followed by 64 lowercase hex digits");
    }

    @Test
    void imageRefSplitsRegistryPathAndDigest() {
        ImageRef ref = ImageRef.parse("127.0.0.1:5000/team/app@sha256:" + HEX);
        assertThat(ref.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(ref.path()).isEqualTo("team/app");
        assertThat(ref.simpleName()).isEqualTo("app");
        assertThat(ref.digest().hex()).isEqualTo(HEX);
        assertThat(ref).hasToString("127.0.0.1:5000/team/app@sha256:" + HEX);
    }

    @Test
    void imageRefDropsATagNextToTheDigest() {
        assertThat(ImageRef.parse("registry.example.com/app:1.2@sha256:" + HEX))
                .hasToString("registry.example.com/app@sha256:" + HEX);
    }

    @Test
    void bareDockerHubNamesGetTheirLibraryPath() {
        ImageRef ref = ImageRef.parse("nginx@sha256:" + HEX);
        assertThat(ref.registry()).isEqualTo("docker.io");
        assertThat(ref.path()).isEqualTo("library/nginx");
    }

    @Test
    void aTagIsNotAnImageRef() {
        assertThatThrownBy(() -> ImageRef.parse("127.0.0.1:5000/app:v1"))
                .hasMessageContaining("is a tag, not a digest reference")
                .hasMessageContaining("REPOSITORY@sha256:<64 hex>");
        assertThatThrownBy(() -> ImageRef.parse("127.0.0.1:5000/app"))
                .hasMessageContaining("is a tag, not a digest reference");
    }

    @Test
    void aMalformedDigestInARefIsNamed() {
        assertThatThrownBy(() -> ImageRef.parse("app@sha256:1234"))
                .hasMessageContaining("malformed digest");
    }

    @Test
    void imageNameTakesAnOptionalTag() {
        ImageName name = ImageName.parse("127.0.0.1:5000/team/app:v2");
        assertThat(name.repository()).isEqualTo("127.0.0.1:5000/team/app");
        assertThat(name.tag()).isEqualTo("v2");
        assertThat(ImageName.parse("127.0.0.1:5000/team/app").tag()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Team/App", "app/", "/app", "app//x", "app@sha256:" + HEX, "app:bad tag", "a..b/x"})
    void invalidImageNamesAreRefused(String text) {
        assertThatThrownBy(() -> ImageName.parse(text)).isInstanceOf(IllegalArgumentException.class);
        // valid repositories are remembered; an invalid one never is, so it is refused every time
        assertThatThrownBy(() -> ImageName.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releaseIdFollowsTheImageDigest() {
        assertThat(Release.idFor(Digest.parse("sha256:" + HEX))).isEqualTo("rel-9ac06bca2335");
    }

    @Test
    void credentialsNeverShowTheirPassword() {
        assertThat(new RegistryCredentials("alice", "hunter2").toString()).contains("alice").doesNotContain("hunter2");
    }

    @Test
    void colourOtherAndLabel() {
        assertThat(Colour.BLUE.other()).isEqualTo(Colour.GREEN);
        assertThat(Colour.GREEN.label()).isEqualTo("green");
        assertThat(Colour.parse(" Blue ")).isEqualTo(Colour.BLUE);
    }
}
