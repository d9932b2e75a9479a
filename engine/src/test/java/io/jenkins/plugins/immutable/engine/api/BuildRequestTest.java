package io.jenkins.plugins.immutable.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildRequestTest {

    @TempDir
    Path dir;

    @Test
    void validRequestCarriesNormalisedFields() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        BuildRequest request = BuildRequest.builder()
                .image("127.0.0.1:5000/team/app")
                .context(dir.toString())
                .buildArg("B=2").buildArg("A=1=one")
                .label("org.opencontainers.image.title=app")
                .target("  ")
                .source("https://example.com/repo.git", "abc")
                .builderId("cli@host")
                .build();
        assertThat(request.dockerfile()).isEqualTo(dir.resolve("Dockerfile"));
        assertThat(request.buildArgs()).containsExactly(java.util.Map.entry("A", "1=one"), java.util.Map.entry("B", "2"));
        assertThat(request.target()).isNull();
        assertThat(request.invocationId()).isNotBlank();
        assertThat(request.image().tag()).isNull();
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsField() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> BuildRequest.builder()
                .image("127.0.0.1:5000/App")
                .context(dir.resolve("missing").toString())
                .buildArg("NOEQUALS")
                .buildArg("1BAD=x")
                .label("=nokey")
                .target("bad stage")
                .build());
        assertThat(e.problems()).extracting(Problem::field)
                .containsExactly("image", "context", "buildArgs", "buildArgs", "labels", "target", "builderId");
        assertThat(e.getMessage())
                .contains("context: folder " + dir.resolve("missing") + " does not exist")
                .contains("buildArgs: 'NOEQUALS' is malformed: expected NAME=VALUE")
                .contains("builderId: missing");
        assertThat(e.kind()).isEqualTo(ReleaseException.Kind.BAD_INPUT);
    }

    @Test
    void aMissingDockerfileIsNamedWithItsPath() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> BuildRequest.builder()
                .image("127.0.0.1:5000/app").context(dir).dockerfile("build/Dockerfile.prod").builderId("me").build());
        assertThat(e.getMessage()).isEqualTo("dockerfile: no Dockerfile at " + dir.resolve("build/Dockerfile.prod")
                + ": expected a file (relative paths are read against the context)");
    }

    @Test
    void aFileIsNotAContext() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> BuildRequest.builder()
                .image("127.0.0.1:5000/app").context(file).builderId("me").build());
        assertThat(e.problems()).extracting(Problem::field).containsExactly("context");
    }

    @Test
    void callersRenameFieldsToTheirOwnFlags() {
        InvalidInputException e = new InvalidInputException("buildArgs", "'x' is malformed");
        assertThat(e.describe(field -> "--build-arg")).isEqualTo("--build-arg: 'x' is malformed");
    }

    @Test
    void aRelativeContextIsReadAgainstTheBaseDirectoryAndKeptAsWritten() throws Exception {
        Files.createDirectories(dir.resolve("ws/app"));
        Files.writeString(dir.resolve("ws/app/Dockerfile"), "FROM scratch\n");
        BuildRequest request = BuildRequest.builder().image("127.0.0.1:5000/app").context("app").baseDirectory(dir.resolve("ws"))
                .builderId("me").build();
        assertThat(request.context()).isEqualTo(dir.resolve("ws/app"));
        assertThat(request.contextAsGiven()).isEqualTo("app");
        assertThat(request.dockerfileAsGiven()).isEqualTo("Dockerfile");
    }

    @Test
    void sourceUriAndLabelValuesLoseTheirUserInfoWhateverTheCallerPassed() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        BuildRequest request = BuildRequest.builder().image("127.0.0.1:5000/team/app").context(dir.toString())
                .source("https://user:TOKEN@github.com/o/r.git", "abc")
                .label("org.opencontainers.image.source=https://user:TOKEN@github.com/o/r.git")
                .builderId("cli@host").build();
        assertThat(request.sourceUri()).isEqualTo("https://github.com/o/r.git");
        assertThat(request.sourceUriHadUserInfo()).isTrue();
        assertThat(request.labels()).containsEntry("org.opencontainers.image.source", "https://github.com/o/r.git");
    }

    @Test
    void secretBuildArgsAreKeptApartAndNeverShownInProblems() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        BuildRequest request = BuildRequest.builder().image("127.0.0.1:5000/team/app").context(dir.toString())
                .buildArg("VERSION=1").secretBuildArg("NPM_RC=s3cr3t=x").builderId("cli@host").build();
        assertThat(request.buildArgs()).containsOnlyKeys("VERSION");
        assertThat(request.secretBuildArgs()).containsExactly(java.util.Map.entry("NPM_RC", "s3cr3t=x"));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> BuildRequest.builder()
                .image("127.0.0.1:5000/team/app").context(dir.toString()).builderId("cli@host")
                .secretBuildArg("JUSTTHEVALUE-hunter2")
                .secretBuildArg("1BAD=hunter3")
                .buildArg("TWICE=a").secretBuildArg("TWICE=hunter4")
                .buildArg("1TOKEN=hunter5")
                .build());
        assertThat(e.problems()).extracting(Problem::field)
                .containsExactly("buildArgs", "secretBuildArgs", "secretBuildArgs", "secretBuildArgs");
        assertThat(e.getMessage()).contains("an argument without '='", "'1BAD' is malformed (its value is not shown)",
                "'TWICE' is given both as a build argument and as a secret one", "'1TOKEN=…' is malformed")
                .doesNotContain("hunter");
    }
}
