package io.jenkins.plugins.immutable.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.ReleaseEngines;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.ComponentUnreachableException;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.registry.RegistryClient;
import io.jenkins.plugins.immutable.engine.testing.EngineFixture;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build once: against the real daemon and registry, the build, reuse and provenance flows of the engine. */
class BuildFlowIT {

    @TempDir
    Path dir;

    private EngineFixture fixture;
    private String repository;

    @BeforeEach
    void open() {
        fixture = new EngineFixture(dir.resolve("state"));
        repository = fixture.repository("hello");
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void buildPushesAndRecordsTheDigestTheRegistryServes() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        BuildResult result = fixture.engine().build(fixture.request(repository, context).source("https://example.com/hello.git",
                "0123456789abcdef0123456789abcdef01234567").build());

        assertThat(result.reused()).isFalse();
        ImageRef ref = result.release().ref();
        assertThat(ref.repository()).isEqualTo(repository);
        String tag = "in-" + result.release().inputDigest().shortHex(12);
        HttpResponse<Void> manifest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                        + TestServices.get().registry() + "/v2/" + ref.path() + "/manifests/" + tag))
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(manifest.headers().firstValue("Docker-Content-Digest")).contains(ref.digest().value());
        assertThat(fixture.log()).containsPattern("Step 1/\\d+ : FROM scratch").contains("Built release " + result.release().id());
        assertThat(result.release().id()).isEqualTo("rel-" + ref.digest().shortHex(12));
        assertThat(fixture.engine().releases()).extracting(l -> l.release().id()).containsExactly(result.release().id());
    }

    @Test
    void sameInputsAgainReuseTheReleaseWithoutTheDaemon() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        BuildResult first = fixture.engine().build(fixture.request(repository, context).build());
        // The same state folder, and a Docker host where no daemon listens: a reuse must not need one.
        String noDaemon = "unix://" + dir.resolve("no-daemon.sock");
        List<EngineEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        BuildResult second;
        try (ReleaseEngine offline = ReleaseEngines.open(EngineConfig.builder(fixture.stateDir()).dockerHost(noDaemon)
                .dockerConfigDir(fixture.stateDir().resolve("no-docker-config")).handler(events::add).build())) {
            second = offline.build(fixture.request(repository, context).build());
        }

        assertThat(second.reused()).isTrue();
        assertThat(second.release()).isEqualTo(first.release());
        assertThat(second.provenanceJson()).isEqualTo(first.provenanceJson());
        assertThat(Files.readString(second.provenanceFile())).isEqualTo(first.provenanceJson());
        assertThat(events).extracting(EngineEvent::message).anyMatch(m -> m.startsWith("Reused release " + first.release().id()));

        // And the same build against that dead host with nothing to reuse does need the daemon: the host is really dead.
        try (ReleaseEngine offline = ReleaseEngines.open(EngineConfig.builder(dir.resolve("fresh-state")).dockerHost(noDaemon)
                .dockerConfigDir(fixture.stateDir().resolve("no-docker-config")).handler(events::add).build())) {
            assertThat(catchThrowableOfType(ComponentUnreachableException.class,
                    () -> offline.build(fixture.request(repository, context).build()))).isNotNull();
        }
    }

    @Test
    void aDigestTheRegistryDoesNotServeRightAfterThePushFailsTheBuildAndRecordsNothing() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        String path = repository.substring(TestServices.get().registry().length() + 1);
        AtomicReference<String> deleted = new AtomicReference<>();
        // The daemon's last push line reports the digest; right then, before the engine checks it, the manifest is
        // deleted through the registry's own API.
        fixture.onEvent(event -> {
            Matcher pushed = PUSHED_DIGEST.matcher(event.message());
            if (event instanceof EngineEvent.LogLine && pushed.find() && deleted.get() == null) {
                deleted.set(pushed.group(1));
                deleteManifest(path, pushed.group(1));
            }
        });

        ReleaseException e = catchThrowableOfType(ReleaseException.class,
                () -> fixture.engine().build(fixture.request(repository, context).build()));

        assertThat(deleted.get()).as("the manifest was deleted between the push and the engine's check").isNotNull();
        assertThat(e).as("the build fails").isNotNull();
        assertThat(e.kind()).isEqualTo(ReleaseException.Kind.FAILED_SAFELY);
        assertThat(e.getMessage()).contains("the daemon reported " + deleted.get() + ", but the registry "
                + TestServices.get().registry() + " does not serve that digest");
        assertThat(fixture.engine().releases()).as("no release is recorded for a digest nobody can pull").isEmpty();
    }

    @Test
    void aReleaseWhoseProvenanceIsMissingIsBuiltAnewNotReused() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        BuildResult first = fixture.engine().build(fixture.request(repository, context).build());
        // Lost outside the tool: the statement's row deleted from the state folder's ledger.db.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + fixture.stateDir().resolve("ledger.db"));
             java.sql.PreparedStatement p = c.prepareStatement("DELETE FROM provenance WHERE release_id = ?")) {
            p.setString(1, first.release().id());
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
        fixture.clearEvents();

        BuildResult second = fixture.engine().build(fixture.request(repository, context).build());

        assertThat(second.reused()).isFalse();
        assertThat(fixture.log()).contains("Release " + first.release().id() + " has the same inputs but its provenance is"
                + " missing from the state folder: building anew.");
        assertThat(second.provenanceJson()).isNotBlank();
        try (io.jenkins.plugins.immutable.engine.ledger.Ledger ledger = io.jenkins.plugins.immutable.engine.ledger.Ledger.open(
                fixture.stateDir())) {
            assertThat(ledger.readProvenance(second.release().id())).contains(second.provenanceJson());
        }
    }

    private static final Pattern PUSHED_DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64})");

    private static void deleteManifest(String path, String digest) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                    + TestServices.get().registry() + "/v2/" + path + "/manifests/" + digest)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as("DELETE of the manifest").isEqualTo(202);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oneChangedByteChangesBothDigestsButAnIgnoredFileChangesNeither() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        Files.writeString(context.resolve(".dockerignore"), "notes.txt\n");
        Files.writeString(context.resolve("notes.txt"), "first\n");
        BuildResult first = fixture.engine().build(fixture.request(repository, context).build());

        Files.writeString(context.resolve("notes.txt"), "second, ignored\n");
        BuildResult ignored = fixture.engine().build(fixture.request(repository, context).build());
        assertThat(ignored.release().inputDigest()).isEqualTo(first.release().inputDigest());
        assertThat(ignored.reused()).isTrue();

        Files.writeString(context.resolve("www/index.html"), "v1!\n");
        BuildResult changed = fixture.engine().build(fixture.request(repository, context).build());
        assertThat(changed.reused()).isFalse();
        assertThat(changed.release().inputDigest()).isNotEqualTo(first.release().inputDigest());
        assertThat(changed.release().digest()).isNotEqualTo(first.release().digest());
    }

    @Test
    void theSameContextInAnotherFolderHasTheSameInputDigest() throws Exception {
        Path one = SampleApp.write(dir.resolve("checkout-one/app"), "v1\n");
        BuildResult first = fixture.engine().build(fixture.request(repository, one).build());
        Thread.sleep(1100);
        Path two = SampleApp.write(dir.resolve("elsewhere/two"), "v1\n");

        assertThat(fixture.engine().inputDigest(fixture.request(repository, two).build())).isEqualTo(first.release().inputDigest());
        assertThat(fixture.engine().build(fixture.request(repository, two).build()).reused()).isTrue();
    }

    @Test
    void rebuildBuildsEvenWhenAReleaseExists() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        fixture.engine().build(fixture.request(repository, context).build());
        fixture.clearEvents();
        BuildResult again = fixture.engine().build(fixture.request(repository, context).rebuild(true).build());
        assertThat(again.reused()).isFalse();
        assertThat(fixture.log()).contains("Rebuild requested").contains("Step 1/6").doesNotContain("Using cache");
    }

    @Test
    void aDigestTheRegistryNoLongerServesIsBuiltAnewSayingWhy() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        BuildResult first = fixture.engine().build(fixture.request(repository, context).build());
        ImageRef ref = first.release().ref();
        HttpResponse<Void> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                + TestServices.get().registry() + "/v2/" + ref.path() + "/manifests/" + ref.digest())).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(deleted.statusCode()).isEqualTo(202);
        assertThat(new RegistryClient(Duration.ofSeconds(5)).serves(ref, null)).isFalse();
        fixture.clearEvents();

        BuildResult second = fixture.engine().build(fixture.request(repository, context).build());

        assertThat(second.reused()).isFalse();
        assertThat(fixture.log()).contains("no longer serves " + ref.digest() + ": building anew");
        assertThat(new RegistryClient(Duration.ofSeconds(5)).serves(second.release().ref(), null)).isTrue();
    }

    @Test
    void provenanceReadsBackFieldByField() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        Instant before = Instant.now();
        BuildResult result = fixture.engine().build(fixture.request(repository, context).buildArg("VERSION=1")
                .buildArg("NPM_TOKEN=s3cr3t-value").source("https://example.com/hello.git", "0123456789abcdef0123456789abcdef01234567")
                .outputDir(dir.resolve("out")).build());
        Instant after = Instant.now();

        assertThat(result.provenanceFile()).isEqualTo(dir.resolve("out/provenance.intoto.json"));
        JsonNode root = new ObjectMapper().readTree(result.provenanceFile().toFile());
        assertThat(root.path("subject").get(0).path("name").asText()).isEqualTo(repository);
        assertThat(root.path("subject").get(0).path("digest").path("sha256").asText()).isEqualTo(result.release().digest().hex());
        JsonNode definition = root.path("predicate").path("buildDefinition");
        assertThat(definition.path("externalParameters").path("context").asText()).isEqualTo(context.toString());
        assertThat(definition.path("externalParameters").path("dockerfile").asText()).isEqualTo("Dockerfile");
        assertThat(definition.path("externalParameters").path("buildArgs").path("VERSION").asText()).isEqualTo("1");
        assertThat(definition.path("externalParameters").path("buildArgs").path("NPM_TOKEN").asText()).isEqualTo("<redacted>");
        JsonNode deps = definition.path("resolvedDependencies");
        assertThat(deps.get(0).path("digest").path("gitCommit").asText()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(deps.get(1).path("digest").path("sha256").asText()).isEqualTo(result.release().inputDigest().hex());
        assertThat(deps).hasSize(2);
        JsonNode run = root.path("predicate").path("runDetails");
        assertThat(run.path("builder").path("id").asText()).isEqualTo("cli@test");
        assertThat(run.path("metadata").path("invocationId").asText()).isEqualTo(fixture.prefix());
        Instant started = Instant.parse(run.path("metadata").path("startedOn").asText());
        Instant finished = Instant.parse(run.path("metadata").path("finishedOn").asText());
        assertThat(started).isBetween(before, finished);
        assertThat(finished).isBetween(started, after);
        JsonNode release = new ObjectMapper().readTree(result.releaseFile().toFile());
        assertThat(release.path("digest").asText()).isEqualTo(result.release().digest().value());
        assertThat(release.path("inputDigest").asText()).isEqualTo(result.release().inputDigest().value());
        assertThat(Files.readString(result.provenanceFile())).doesNotContain("s3cr3t-value");
    }

    @Test
    void theInputDigestAloneTouchesNoDaemon() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        Digest expected = fixture.engine().inputDigest(fixture.request(repository, context).build());
        // A Docker host where no daemon listens: the digest is the same all the same.
        try (ReleaseEngine offline = ReleaseEngines.open(EngineConfig.builder(dir.resolve("offline-state"))
                .dockerHost("unix://" + dir.resolve("no-daemon.sock")).handler(e -> { }).build())) {
            assertThat(offline.inputDigest(fixture.request(repository, context).build())).isEqualTo(expected);
        }
        assertThat(expected.value()).startsWith("sha256:");
    }
}
