package io.jenkins.plugins.immutable.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.record.PriorReleaseSearch.BuildRecord;
import io.jenkins.plugins.immutable.record.PriorReleaseSearch.Candidate;
import io.jenkins.plugins.immutable.testing.Records;
import io.jenkins.plugins.immutable.testing.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay lookup: which releases of earlier builds an immutableBuild may reuse. */
class PriorReleaseSearchTest {

    private static final String INPUTS = Samples.digest('f').value();

    @Test
    void releasesFromTheSameInputsAndRepositoryComeNewestBuildFirst() {
        List<BuildRecord> builds = List.of(
                new BuildRecord(40, List.of(Records.release('a', 'f', false, 1))),
                new BuildRecord(43, List.of(Records.release('c', 'f', false, 3))),
                new BuildRecord(41, List.of(Records.release('b', 'f', false, 2))));

        assertThat(PriorReleaseSearch.candidates(builds, INPUTS, Samples.REPO, 5))
                .extracting(Candidate::buildNumber, c -> c.release().getReleaseId())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(43, Samples.releaseId('c')),
                        org.assertj.core.groups.Tuple.tuple(41, Samples.releaseId('b')),
                        org.assertj.core.groups.Tuple.tuple(40, Samples.releaseId('a')));
    }

    @Test
    void otherInputsAndOtherRepositoriesAreNotCandidates() {
        RecordedRelease otherRepo = RecordedRelease.of(Records.outcome('d', 'f', "127.0.0.1:5000/team/other", false), "immutable/", 1);
        List<BuildRecord> builds = List.of(
                new BuildRecord(40, List.of(Records.release('a', 'e', false, 1))),
                new BuildRecord(41, List.of(otherRepo)));

        assertThat(PriorReleaseSearch.candidates(builds, INPUTS, Samples.REPO, 5)).isEmpty();
    }

    @Test
    void aReleaseReusedByLaterBuildsIsOfferedOnceFromTheNewestBuild() {
        List<BuildRecord> builds = List.of(
                new BuildRecord(40, List.of(Records.release('a', 'f', false, 1))),
                new BuildRecord(44, List.of(Records.release('a', 'f', true, 5))));

        assertThat(PriorReleaseSearch.candidates(builds, INPUTS, Samples.REPO, 5))
                .singleElement().satisfies(c -> assertThat(c.buildNumber()).isEqualTo(44));
    }

    @Test
    void withinOneBuildTheLaterRecordComesFirstAndTheLimitHolds() {
        List<BuildRecord> builds = List.of(
                new BuildRecord(50, List.of(Records.release('a', 'f', false, 1), Records.release('b', 'f', false, 2))),
                new BuildRecord(49, List.of(Records.release('c', 'f', false, 3))));

        assertThat(PriorReleaseSearch.candidates(builds, INPUTS, Samples.REPO, 2))
                .extracting(c -> c.release().getReleaseId())
                .containsExactly(Samples.releaseId('b'), Samples.releaseId('a'));
    }

    @Test
    void noInputDigestFindsNothing() {
        List<BuildRecord> builds = List.of(new BuildRecord(40, List.of(Records.release('a', 'f', false, 1))));
        assertThat(PriorReleaseSearch.candidates(builds, null, Samples.REPO, 5)).isEmpty();
        assertThat(PriorReleaseSearch.candidates(List.of(), INPUTS, Samples.REPO, 5)).isEmpty();
    }
}
