package io.jenkins.plugins.immutable.testing;

import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.record.DeploymentOutcome;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import io.jenkins.plugins.immutable.record.ReleaseAction;

/** Build records as the steps write them, for the search, rollback and view tests. */
public final class Records {

    private Records() {
    }

    public static BuildOutcome outcome(char digest, char input, String repository, boolean reused) {
        return BuildOutcome.builder()
                .release(Samples.releaseId(digest), "app", repository + "@" + Samples.digest(digest).value(), repository,
                        Samples.digest(digest).value(), Samples.digest(input).value())
                .reused(reused)
                .source("https://git.example.com/app.git", "rev-" + digest)
                .created(Samples.T0.toEpochMilli(), "https://jenkins.example.com/job/app/1/")
                .run("app#1", "2025-03-01T10:00:00Z", "2025-03-01T10:01:00Z")
                .files("/agent/ws@tmp/immutable-release/k", "release.json", "provenance.intoto.json")
                .build();
    }

    public static RecordedRelease release(char digest, char input, boolean reused, long recordedMillis) {
        return RecordedRelease.of(outcome(digest, input, Samples.REPO, reused), ReleaseAction.ARTIFACT_FOLDER, recordedMillis);
    }

    /** A build record holding the given releases and deployments. */
    public static ReleaseAction action(Object... entries) {
        ReleaseAction action = new ReleaseAction();
        for (Object entry : entries) {
            if (entry instanceof BuildOutcome outcome) {
                action.recordRelease(outcome, Samples.T0.toEpochMilli());
            } else {
                action.recordDeployments(java.util.List.of((RecordedDeployment) entry));
            }
        }
        return action;
    }

    public static RecordedDeployment deployment(String environment, String operation, String colour, char release, long time,
            DeploymentOutcome outcome) {
        return new RecordedDeployment(environment, operation, colour, Samples.refText(release), Samples.releaseId(release), time, outcome,
                outcome.live() ? 12L : null);
    }
}
