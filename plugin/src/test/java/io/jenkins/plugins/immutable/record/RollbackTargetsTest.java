package io.jenkins.plugins.immutable.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.immutable.record.RollbackTargets.BuildLookup;
import io.jenkins.plugins.immutable.record.RollbackTargets.Target;
import io.jenkins.plugins.immutable.testing.Records;
import io.jenkins.plugins.immutable.testing.Samples;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** toBuild: N → the release build #N recorded. */
class RollbackTargetsTest {

    private static final Map<Integer, List<RecordedRelease>> JOB = Map.of(
            41, List.of(Records.release('a', 'f', false, 1)),
            42, List.of(),
            43, List.of(Records.release('b', 'f', false, 1), Records.release('c', 'e', false, 2)),
            44, List.of(Records.release('a', 'f', true, 1), Records.release('a', 'f', true, 2)));

    private static final BuildLookup LOOKUP = n -> Optional.ofNullable(JOB.get(n));

    @Test
    void toBuildTakesTheReleaseThatBuildRecorded() throws Exception {
        Target target = RollbackTargets.resolve(41, null, null, LOOKUP);
        assertThat(target).isEqualTo(new Target(Samples.releaseId('a'), null));
        assertThat(target.explicit()).isTrue();
    }

    @Test
    void theSameReleaseRecordedTwiceIsStillOne() throws Exception {
        assertThat(RollbackTargets.resolve(44, null, null, LOOKUP).releaseId()).isEqualTo(Samples.releaseId('a'));
    }

    @Test
    void aBuildWithSeveralReleasesAsksForToRelease() {
        assertThatThrownBy(() -> RollbackTargets.resolve(43, null, null, LOOKUP))
                .isInstanceOf(AbortException.class)
                .hasMessage("toBuild: build #43 recorded 2 releases (" + Samples.releaseId('b') + ", " + Samples.releaseId('c')
                        + "): say which with toRelease: instead, such as toRelease: '" + Samples.releaseId('b') + "'");
    }

    @Test
    void toReleaseChoosesAmongThatBuildsReleasesAndMustBeOneOfThem() throws Exception {
        assertThat(RollbackTargets.resolve(43, Samples.releaseId('c'), null, LOOKUP).releaseId()).isEqualTo(Samples.releaseId('c'));
        assertThatThrownBy(() -> RollbackTargets.resolve(41, Samples.releaseId('c'), null, LOOKUP))
                .hasMessageStartingWith("toRelease: '" + Samples.releaseId('c') + "' is not a release build #41 recorded");
    }

    @Test
    void aMissingBuildOrOneWithoutReleasesIsNamed() {
        assertThatThrownBy(() -> RollbackTargets.resolve(7, null, null, LOOKUP))
                .hasMessageStartingWith("toBuild: this job has no build #7");
        assertThatThrownBy(() -> RollbackTargets.resolve(42, null, null, LOOKUP))
                .hasMessageStartingWith("toBuild: build #42 recorded no release");
        assertThatThrownBy(() -> RollbackTargets.resolve(0, null, null, LOOKUP))
                .hasMessageStartingWith("toBuild: 0 is not a build number");
    }

    @Test
    void toBuildAndToDigestTogetherAreRefused() {
        assertThatThrownBy(() -> RollbackTargets.resolve(41, null, Samples.digest('a').value(), LOOKUP))
                .hasMessage("toDigest: give toBuild or toDigest, not both");
    }

    @Test
    void withoutToBuildTheOtherTargetsPassThroughAndNoneMeansThePreviousRelease() throws Exception {
        BuildLookup unused = n -> {
            throw new AssertionError("no build is read without toBuild");
        };
        assertThat(RollbackTargets.resolve(null, " rel-1 ", null, unused)).isEqualTo(new Target("rel-1", null));
        assertThat(RollbackTargets.resolve(null, null, "sha256:x", unused)).isEqualTo(new Target(null, "sha256:x"));
        Target none = RollbackTargets.resolve(null, "", " ", unused);
        assertThat(none).isEqualTo(new Target(null, null));
        assertThat(none.explicit()).isFalse();
    }
}
