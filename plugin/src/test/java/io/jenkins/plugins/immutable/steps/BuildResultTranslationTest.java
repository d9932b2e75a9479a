package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.immutable.agent.BuildOperation;
import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.agent.BuildSpec;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import io.jenkins.plugins.immutable.testing.FakeEngine;
import io.jenkins.plugins.immutable.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's BuildResult → immutableBuild's return value, the ReleaseAction's fields and the artifacts to archive. */
class BuildResultTranslationTest {

    private static final String THIS_BUILD = "https://jenkins.example.com/job/app/42/";
    private static final String EARLIER_BUILD = "https://jenkins.example.com/job/app/41/";

    @TempDir
    Path root;
    Path workspace;
    BuildSpec spec;

    @BeforeEach
    void workspace() throws Exception {
        workspace = Files.createDirectories(root.resolve("ws"));
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");
        spec = new ImmutableBuildStep(Samples.REPO).toSpec(Map.of(), THIS_BUILD, "app#42", "k");
    }

    private BuildOutcome build(Release release, boolean reused, String provenance) throws Exception {
        Path out = spec.outputDir(workspace);
        FakeEngine engine = new FakeEngine();
        engine.buildResult = new BuildResult(release, reused, out.resolve("release.json"), out.resolve("provenance.intoto.json"), provenance);
        BuildOutcome outcome = EngineCallable.execute(new BuildOperation(spec, null, List.of()), engine, workspace);
        assertThat(engine.calls).singleElement().isInstanceOf(BuildRequest.class);
        return outcome;
    }

    @Test
    void aFreshBuildReturnsItsReleaseToTheScript() throws Exception {
        BuildOutcome outcome = build(Samples.release('a', 'f'), false, Samples.provenance(THIS_BUILD, "0123abc"));

        assertThat(StepResults.build(outcome)).containsExactly(
                entry("ref", Samples.refText('a')),
                entry("digest", Samples.digest('a').value()),
                entry("releaseId", Samples.releaseId('a')),
                entry("inputDigest", Samples.digest('f').value()),
                entry("reused", false));
    }

    @Test
    void theRecordHoldsTheReleaseAndItsProvenanceSummary() throws Exception {
        BuildOutcome outcome = build(Samples.release('a', 'f'), false, Samples.provenance(THIS_BUILD, "0123abc"));
        ReleaseAction action = new ReleaseAction();

        RecordedRelease r = action.recordRelease(outcome, 1_000L);

        assertThat(action.getReleases()).containsExactly(r);
        assertThat(r.getReleaseId()).isEqualTo(Samples.releaseId('a'));
        assertThat(r.getApp()).isEqualTo("app");
        assertThat(r.getRef()).isEqualTo(Samples.refText('a'));
        assertThat(r.getRepository()).isEqualTo(Samples.REPO);
        assertThat(r.getDigest()).isEqualTo(Samples.digest('a').value());
        assertThat(r.getInputDigest()).isEqualTo(Samples.digest('f').value());
        assertThat(r.isReused()).isFalse();
        assertThat(r.getSourceUri()).isEqualTo("https://git.example.com/app.git");
        assertThat(r.getSourceRevision()).isEqualTo("0123abc");
        assertThat(r.getCreatedMillis()).isEqualTo(Samples.T0.toEpochMilli());
        assertThat(r.getCreated()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(r.getBuilderId()).isEqualTo(THIS_BUILD);
        assertThat(r.getInvocationId()).isEqualTo("app#41");
        assertThat(r.getStartedOn()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(r.getFinishedOn()).isEqualTo("2025-03-01T10:01:30Z");
        assertThat(r.getReleaseFile()).isEqualTo("immutable/release.json");
        assertThat(r.getProvenanceFile()).isEqualTo("immutable/provenance.intoto.json");
        assertThat(r.getRecordedMillis()).isEqualTo(1_000L);
    }

    @Test
    void aReusedReleaseKeepsTheProvenanceOfTheBuildThatMadeIt() throws Exception {
        BuildOutcome outcome = build(Samples.release('a', 'f'), true, Samples.provenance(EARLIER_BUILD, "0123abc"));

        assertThat(StepResults.build(outcome)).containsEntry("reused", true).containsEntry("ref", Samples.refText('a'));
        RecordedRelease r = new ReleaseAction().recordRelease(outcome, 1L);
        assertThat(r.isReused()).isTrue();
        assertThat(r.getBuilderId()).isEqualTo(EARLIER_BUILD);
    }

    @Test
    void theFilesTheEngineWroteAreArchivedUnderImmutable() throws Exception {
        BuildOutcome outcome = build(Samples.release('a', 'f'), false, Samples.provenance(THIS_BUILD, "0123abc"));
        RecordedRelease r = new ReleaseAction().recordRelease(outcome, 1L);

        assertThat(outcome.outputDir()).isEqualTo(spec.outputDir(workspace).toString());
        assertThat(ArtifactFiles.of(r, outcome)).containsExactly(
                entry("immutable/release.json", "release.json"),
                entry("immutable/provenance.intoto.json", "provenance.intoto.json"));
    }

    @Test
    void furtherReleasesOfTheSameBuildGetAFolderEachAndARepeatIsNotRecordedTwice() throws Exception {
        ReleaseAction action = new ReleaseAction();
        action.recordRelease(build(Samples.release('a', 'f'), false, Samples.provenance(THIS_BUILD, "x")), 1L);
        RecordedRelease second = action.recordRelease(build(Samples.release('b', 'e'), false, Samples.provenance(THIS_BUILD, "x")), 2L);
        RecordedRelease repeat = action.recordRelease(build(Samples.release('a', 'f'), true, Samples.provenance(THIS_BUILD, "x")), 3L);

        assertThat(second.getReleaseFile()).isEqualTo("immutable/" + Samples.releaseId('b') + "/release.json");
        assertThat(second.getProvenanceFile()).isEqualTo("immutable/" + Samples.releaseId('b') + "/provenance.intoto.json");
        assertThat(repeat).isNull();
        assertThat(action.getReleases()).extracting(RecordedRelease::getReleaseId)
                .containsExactly(Samples.releaseId('a'), Samples.releaseId('b'));
    }

    @Test
    void unreadableProvenanceFallsBackToTheReleasesOwnFacts() throws Exception {
        BuildOutcome outcome = build(Samples.release('a', 'f'), false, "not json");
        assertThat(outcome.builderId()).isEqualTo(EARLIER_BUILD); // Samples.release's builder
        assertThat(outcome.sourceRevision()).isEqualTo("0123abc");
        assertThat(outcome.startedOn()).isNull();
    }
}
