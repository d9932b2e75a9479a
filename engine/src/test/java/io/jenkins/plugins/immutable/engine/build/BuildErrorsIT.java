package io.jenkins.plugins.immutable.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.immutable.engine.ReleaseEngines;
import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException.Component;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.RegistryCredentials;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import io.jenkins.plugins.immutable.engine.testing.AuthRegistry;
import io.jenkins.plugins.immutable.engine.testing.EngineFixture;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every build failure names what failed and what to do, and no credential ever shows. */
class BuildErrorsIT {

    private static final String PASSWORD = "pa55-Wörd-never-shown";

    @TempDir
    Path dir;

    private EngineFixture fixture;

    @BeforeEach
    void open() {
        fixture = new EngineFixture(dir.resolve("state"));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aFailingDockerfileNamesTheStepAndTheDaemonsMessage() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\nCOPY missing.txt /missing.txt\n");
        ReleaseException e = catchThrowableOfType(ReleaseException.class,
                () -> fixture.engine().build(fixture.request(fixture.repository("broken"), context).build()));
        assertThat(e.kind()).isEqualTo(Kind.FAILED_SAFELY);
        assertThat(e.getMessage()).contains("'Step 3/4 : COPY missing.txt /missing.txt' failed")
                .contains("missing.txt").contains("Fix the Dockerfile or the context");
    }

    @Test
    void anUnreachableDaemonIsNamedWithItsAddress() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        String nowhere = "unix://" + dir.resolve("no-daemon.sock");
        try (ReleaseEngine engine = ReleaseEngines.open(EngineConfig.builder(dir.resolve("state2")).dockerHost(nowhere).build())) {
            ComponentUnreachableException e = catchThrowableOfType(ComponentUnreachableException.class,
                    () -> engine.build(fixture.request(fixture.repository("x"), context).build()));
            assertThat(e.component()).isEqualTo(Component.DOCKER_DAEMON);
            assertThat(e.getMessage()).contains("Docker daemon at " + nowhere).contains("--docker-host");
            assertThat(e.kind().exitCode()).isEqualTo(3);
        }
    }

    @Test
    void anUnreachableRegistryIsNamed() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        ComponentUnreachableException e = catchThrowableOfType(ComponentUnreachableException.class,
                () -> fixture.engine().build(fixture.request("127.0.0.1:9/team/app", context).build()));
        assertThat(e.component()).isEqualTo(Component.REGISTRY);
        assertThat(e.getMessage()).contains("registry 127.0.0.1:9").contains("could not be reached");
    }

    @Test
    void aRegistryRefusingCredentialsIsNamedButThePasswordNeverShows() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        try (AuthRegistry registry = AuthRegistry.start(dir.resolve("auth-registry"), "alice", PASSWORD)) {
            String repository = registry.address() + "/" + fixture.prefix() + "/app";

            ReleaseException anonymous = catchThrowableOfType(ReleaseException.class,
                    () -> fixture.engine().build(fixture.request(repository, context).build()));
            assertThat(anonymous.kind()).isEqualTo(Kind.BAD_INPUT);
            assertThat(anonymous.getMessage()).contains("registry " + registry.address() + " refused access")
                    .contains("without credentials");

            ReleaseException wrong = catchThrowableOfType(ReleaseException.class, () -> fixture.engine().build(
                    fixture.request(repository, context).credentials(new RegistryCredentials("alice", "wrong-" + PASSWORD)).build()));
            assertThat(wrong.kind()).isEqualTo(Kind.BAD_INPUT);
            assertThat(wrong.getMessage()).contains("refused access").contains("user 'alice'").doesNotContain(PASSWORD);

            BuildResult built = fixture.engine().build(fixture.request(repository, context)
                    .credentials(new RegistryCredentials("alice", PASSWORD)).outputDir(dir.resolve("out")).build());
            BuildResult reused = fixture.engine().build(fixture.request(repository, context)
                    .credentials(new RegistryCredentials("alice", PASSWORD)).build());
            assertThat(reused.reused()).isTrue();
            assertThat(built.release().ref().registry()).isEqualTo(registry.address());
        }
        assertThat(fixture.log()).doesNotContain(PASSWORD);
        assertNoFileHolds(dir.resolve("state"), PASSWORD);
        assertNoFileHolds(dir.resolve("out"), PASSWORD);
    }

    @Test
    void aLedgerThatIsNotOursIsRefusedNamingTheFile() throws Exception {
        Path state = dir.resolve("foreign");
        Files.createDirectories(state);
        Files.writeString(state.resolve("journal.jsonl"), "{\"something\":\"else\"}\n");
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        try (ReleaseEngine engine = ReleaseEngines.open(EngineConfig.builder(state)
                .dockerHost(io.jenkins.plugins.immutable.engine.testing.TestServices.get().dockerHost()).build())) {
            BuildRequest request = fixture.request(fixture.repository("x"), context).build();
            ReleaseException e = catchThrowableOfType(ReleaseException.class, () -> engine.build(request));
            assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT);
            assertThat(e.getMessage()).contains(state.resolve("journal.jsonl").toString()).contains("not");
        }
    }

    private static void assertNoFileHolds(Path root, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(secret);
            }
        }
    }
}
