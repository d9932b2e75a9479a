package io.jenkins.plugins.immutable.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
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
    void sameInputsAgainReuseTheReleaseWithoutTheDaemonBuilding() throws Exception {
        Path context = SampleApp.write(dir.resolve("app"), "v1\n");
        BuildResult first = fixture.engine().build(fixture.request(repository, context).build());
        // Remove the image from the daemon: a build would bring it back, a reuse does not touch the daemon.
        removeLocalImages();
        fixture.clearEvents();

        BuildResult second = fixture.engine().build(fixture.request(repository, context).build());

        assertThat(second.reused()).isTrue();
        assertThat(second.release()).isEqualTo(first.release());
        assertThat(second.provenanceJson()).isEqualTo(first.provenanceJson());
        assertThat(Files.readString(second.provenanceFile())).isEqualTo(first.provenanceJson());
        assertThat(fixture.docker().listImagesCmd().withReferenceFilter(repository).exec()).isEmpty();
        assertThat(fixture.events()).noneMatch(e -> e instanceof EngineEvent.LogLine);
        assertThat(fixture.log()).contains("Reused release " + first.release().id());
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
        Digest digest = fixture.engine().inputDigest(fixture.request(repository, context).build());
        assertThat(digest.value()).startsWith("sha256:");
        assertThat(fixture.events()).noneMatch(e -> e instanceof EngineEvent.LogLine);
    }

    /** Untags every tag of the repository: other tests' images may share layers (and ids), so nothing is deleted by id. */
    private void removeLocalImages() {
        fixture.docker().listImagesCmd().withReferenceFilter(repository).exec().stream()
                .filter(image -> image.getRepoTags() != null)
                .flatMap(image -> java.util.Arrays.stream(image.getRepoTags()))
                .filter(tag -> tag.startsWith(repository + ":"))
                .forEach(tag -> fixture.docker().removeImageCmd(tag).exec());
        assertThat(fixture.docker().listImagesCmd().withReferenceFilter(repository).exec()).isEmpty();
    }
}
