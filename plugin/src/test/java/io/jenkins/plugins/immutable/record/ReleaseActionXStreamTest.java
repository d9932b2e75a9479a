package io.jenkins.plugins.immutable.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.immutable.agent.CanaryStepOutcome;
import io.jenkins.plugins.immutable.testing.Records;
import io.jenkins.plugins.immutable.testing.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build record survives Jenkins' persistence: the real XStream 1.4.x, set up as Jenkins' XStream2 treats a
 * plugin's plain classes (its default reflection provider, which restores final fields without constructors, and
 * the plugin's own types allowed by the class filter).
 */
class ReleaseActionXStreamTest {

    private static XStream jenkinsLikeXStream() {
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.immutable.**"});
        return xstream;
    }

    private static ReleaseAction populated() {
        ReleaseAction action = new ReleaseAction();
        action.recordRelease(Records.outcome('a', 'f', Samples.REPO, false), 1_000L);
        action.recordRelease(Records.outcome('b', 'e', Samples.REPO, true), 2_000L);
        action.recordDeployments(List.of(
                Records.deployment("staging", "deploy", "blue", 'a', 3_000L, DeploymentOutcome.ACTIVE),
                Records.deployment("production", "deploy", "green", 'b', 4_000L, DeploymentOutcome.HEALTHY),
                Recording.aborted("production", Samples.refText('c'), 5_000L, List.of(
                        new CanaryStepOutcome(1, 10, 48, 0, 3, "inconclusive", "step 1 (10%): inconclusive: …", 4_100L),
                        new CanaryStepOutcome(1, 10, 140, 140, 4, "failure", "step 1 (10%): failure: …", 4_200L),
                        new CanaryStepOutcome(1, 10, 0, 0, 0, "aborted", "aborted: step 1 (10%) failed", 4_300L))),
                Records.deployment("production", "rollback", "blue", 'a', 6_000L, DeploymentOutcome.ROLLED_BACK)));
        return action;
    }

    @Test
    void everyFieldSurvivesARoundTrip() {
        ReleaseAction original = populated();
        XStream xstream = jenkinsLikeXStream();

        String xml = xstream.toXML(original);
        ReleaseAction restored = (ReleaseAction) xstream.fromXML(xml);

        assertThat(restored.getReleases()).hasSize(2);
        assertThat(restored.getDeployments()).hasSize(4);
        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
        // And field by field for what the comparison could miss if both sides were empty or null.
        RecordedRelease reused = restored.getReleases().get(1);
        assertThat(reused.isReused()).isTrue();
        assertThat(reused.getReleaseFile()).isEqualTo("immutable/" + Samples.releaseId('b') + "/release.json");
        assertThat(reused.getStartedOn()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(reused.getCreatedMillis()).isEqualTo(Samples.T0.toEpochMilli());
        assertThat(reused.getRecordedMillis()).isEqualTo(2_000L);
        RecordedDeployment aborted = restored.getDeployments().get(2);
        assertThat(aborted.getOutcome()).isEqualTo(DeploymentOutcome.ABORTED);
        assertThat(aborted.getColour()).isNull();
        assertThat(aborted.getSwitchMillis()).isNull();
        assertThat(aborted.getCanarySteps()).extracting(RecordedCanaryStep::getVerdict).containsExactly("inconclusive", "failure",
                "aborted");
        RecordedCanaryStep failure = aborted.getCanarySteps().get(1);
        assertThat(List.of(failure.getStep(), failure.getShare())).containsExactly(1, 10);
        assertThat(List.of(failure.getRequests(), failure.getErrors(), failure.getP99Millis(), failure.getTimeMillis()))
                .containsExactly(140L, 140L, 4L, 4_200L);
        assertThat(failure.getDetail()).isEqualTo("step 1 (10%): failure: …");
        assertThat(aborted.getOutcomeLabel()).isEqualTo("canary aborted at step 1 (10%), all traffic back on the stable colour");
        assertThat(restored.getDeployments().get(0).getCanarySteps()).isEmpty();
        assertThat(restored.getDeployments().get(0).getSwitchMillis()).isEqualTo(12L);
    }

    @Test
    void theBuildItBelongsToIsNotWrittenIntoTheRecord() {
        String xml = jenkinsLikeXStream().toXML(populated());
        assertThat(xml).doesNotContain("<run").contains("<releaseId>" + Samples.releaseId('a') + "</releaseId>");
        assertThat(populated().getRun()).isNull();
    }

    @Test
    void aRecordWrittenBeforeCanariesReadsWithoutRows() {
        XStream xstream = jenkinsLikeXStream();
        ReleaseAction blueGreenOnly = new ReleaseAction();
        blueGreenOnly.recordDeployments(List.of(Records.deployment("staging", "deploy", "blue", 'a', 3_000L, DeploymentOutcome.ACTIVE),
                Recording.aborted("staging", Samples.refText('c'), 5_000L)));
        String xml = xstream.toXML(blueGreenOnly);
        assertThat(xml).doesNotContain("canarySteps"); // as an older build.xml has it
        ReleaseAction restored = (ReleaseAction) xstream.fromXML(xml);
        assertThat(restored.getDeployments()).allSatisfy(d -> assertThat(d.getCanarySteps()).isEmpty());
        assertThat(restored.getDeployments().get(1).getOutcomeLabel()).isEqualTo("aborted, traffic never moved");
    }

    @Test
    void aRecordWrittenBeforeSigningReadsAsUnsignedAndUnverified() {
        XStream xstream = jenkinsLikeXStream();
        String xml = xstream.toXML(populated());
        assertThat(xml).doesNotContain("<keyId>").doesNotContain("<signatureVerifiedBy>"); // null fields are not written
        ReleaseAction restored = (ReleaseAction) xstream.fromXML(xml);
        assertThat(restored.getReleases()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getKeyId()).isNull();
            assertThat(r.isSigned()).isFalse();
            assertThat(r.getSignatureLabel()).isEqualTo("unsigned");
        });
        assertThat(restored.getDeployments()).allSatisfy(d -> assertThat(d.getSignatureVerifiedBy()).isNull());
    }

    @Test
    void theKeyIdAndTheVerificationSurviveARoundTrip() {
        XStream xstream = jenkinsLikeXStream();
        ReleaseAction action = new ReleaseAction();
        action.recordRelease(io.jenkins.plugins.immutable.agent.BuildOutcome.builder()
                .release(Samples.releaseId('a'), "app", Samples.refText('a'), Samples.REPO, Samples.digest('a').value(), null)
                .signedBy("SHA256:key").files("/out", "release.json", "provenance.intoto.json").build(), 1L);
        action.recordDeployments(java.util.List.of(new RecordedDeployment("prod", "deploy", "green", Samples.refText('a'),
                Samples.releaseId('a'), 2L, DeploymentOutcome.ACTIVE, 3L).verifiedBy("SHA256:key")));
        ReleaseAction restored = (ReleaseAction) xstream.fromXML(xstream.toXML(action));
        assertThat(restored.getReleases().get(0).getSignatureLabel()).isEqualTo("signed by SHA256:key");
        assertThat(restored.getDeployments().get(0).getSignatureVerifiedBy()).isEqualTo("SHA256:key");
        assertThat(restored.getDeployments().get(0).getSwitchMillis()).isEqualTo(3L);
    }

    @Test
    void thePlatformAndReplicasSurviveARoundTripAndOlderRecordsReadWithout() {
        XStream xstream = jenkinsLikeXStream();
        ReleaseAction action = new ReleaseAction();
        action.recordDeployments(List.of(new RecordedDeployment("prod", "deploy", "green", Samples.refText('a'), Samples.releaseId('a'), 2L,
                DeploymentOutcome.ACTIVE, 3L).onPlatform("swarm", 3)));
        String xml = xstream.toXML(action);
        assertThat(xml).contains("<platform>swarm</platform>").contains("<replicas>3</replicas>");

        RecordedDeployment restored = ((ReleaseAction) xstream.fromXML(xml)).getDeployments().get(0);

        assertThat(restored.getPlatform()).isEqualTo("swarm");
        assertThat(restored.getReplicas()).isEqualTo(3);
        assertThat(restored.getPlatformLabel()).isEqualTo("swarm, 3 replicas per colour");
        assertThat(restored.getSwitchMillis()).isEqualTo(3L);
        // verifiedBy and the canary rows keep it
        assertThat(restored.verifiedBy("SHA256:key").getPlatform()).isEqualTo("swarm");

        // A build.xml written before platforms: no such elements; it reads back without a platform.
        String older = xstream.toXML(populated());
        assertThat(older).doesNotContain("<platform>").doesNotContain("<replicas>");
        assertThat(((ReleaseAction) xstream.fromXML(older)).getDeployments()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.getPlatform()).isNull();
            assertThat(d.getReplicas()).isNull();
            assertThat(d.getPlatformLabel()).isEmpty();
        });
    }

    @Test
    void aRecordWithoutListsRestoresEmptyOnes() {
        ReleaseAction restored = (ReleaseAction) jenkinsLikeXStream().fromXML("<" + ReleaseAction.class.getName() + "/>");
        assertThat(restored.getReleases()).isEmpty();
        assertThat(restored.getDeployments()).isEmpty();
    }

    @Test
    void aRestoredRecordKeepsRecording() {
        XStream xstream = jenkinsLikeXStream();
        ReleaseAction restored = (ReleaseAction) xstream.fromXML(xstream.toXML(populated()));
        RecordedRelease third = restored.recordRelease(Records.outcome('c', 'd', Samples.REPO, false), 7_000L);
        assertThat(third.getProvenanceFile()).isEqualTo("immutable/" + Samples.releaseId('c') + "/provenance.intoto.json");
        assertThat(restored.recordRelease(Records.outcome('a', 'f', Samples.REPO, false), 8_000L)).isNull();
    }
}
