package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.agent.PriorReleaseSpec;
import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import io.jenkins.plugins.immutable.testing.Records;
import io.jenkins.plugins.immutable.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of the controller side: builder id, registry URL, messages, prior releases. */
class ControllerHelpersTest {

    @Test
    void theBuilderIdIsTheBuildsAbsoluteUrlWhenJenkinsKnowsItsRoot() {
        assertThat(BuilderIds.of("https://ci.example.com/", "job/app/41/")).isEqualTo("https://ci.example.com/job/app/41/");
        assertThat(BuilderIds.of("https://ci.example.com", "job/app/41/")).isEqualTo("https://ci.example.com/job/app/41/");
        assertThat(BuilderIds.of(null, "job/app/41/")).isEqualTo("job/app/41/");
        assertThat(BuilderIds.of(" ", "job/app/41/")).isEqualTo("job/app/41/");
    }

    @Test
    void credentialsAreMatchedAgainstTheRegistryOfTheImage() {
        assertThat(RegistryUris.forImage("127.0.0.1:5000/team/app:1.2")).isEqualTo("http://127.0.0.1:5000");
        assertThat(RegistryUris.forImage("registry.example.com/team/app")).isEqualTo("https://registry.example.com");
        assertThat(RegistryUris.forImage("team/app")).isEqualTo("https://docker.io");
        assertThat(RegistryUris.forRef(Samples.refText('a'))).isEqualTo("http://127.0.0.1:5000");
        assertThat(RegistryUris.forImage("Not Valid")).isNull();
        assertThat(RegistryUris.forRef("app:latest")).isNull();
    }

    @Test
    void aMissingCredentialNamesTheParameterAndTheId() {
        assertThat(RegistryCredentialsLookup.missing("registry-ci", "http://127.0.0.1:5000"))
                .startsWith("registryCredentialsId: ")
                .contains("'registry-ci'", "http://127.0.0.1:5000", "Username with password");
    }

    @Test
    void aRecordedReleaseIsOfferedBackToTheEngineAsItWas(@TempDir Path workspace) throws Exception {
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");
        RecordedRelease recorded = Records.release('a', 'f', false, 1L);
        PriorReleaseSpec prior = PriorReleases.spec(recorded, "{\"statement\":true}");

        BuildRequest request = new ImmutableBuildStep(Samples.REPO).toSpec(Map.of(), "b", "i", "k").toRequest(workspace, null, List.of(prior));

        assertThat(request.priorReleases()).singleElement().satisfies(p -> {
            assertThat(p.release().id()).isEqualTo(recorded.getReleaseId());
            assertThat(p.release().app()).isEqualTo("app");
            assertThat(p.release().ref().toString()).isEqualTo(recorded.getRef());
            assertThat(p.release().inputDigest().value()).isEqualTo(recorded.getInputDigest());
            assertThat(p.release().sourceUri()).isEqualTo(recorded.getSourceUri());
            assertThat(p.release().sourceRevision()).isEqualTo(recorded.getSourceRevision());
            assertThat(p.release().created().toEpochMilli()).isEqualTo(recorded.getCreatedMillis());
            assertThat(p.release().builderId()).isEqualTo(recorded.getBuilderId());
            assertThat(p.provenanceJson()).isEqualTo("{\"statement\":true}");
        });
    }
}
