package io.jenkins.plugins.immutable.steps;

import static io.jenkins.plugins.immutable.engine.api.Colour.BLUE;
import static io.jenkins.plugins.immutable.engine.api.Colour.GREEN;
import static io.jenkins.plugins.immutable.engine.api.DeploymentState.ACTIVE;
import static io.jenkins.plugins.immutable.engine.api.DeploymentState.HEALTHY;
import static io.jenkins.plugins.immutable.engine.api.DeploymentState.WARM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.immutable.agent.DeployOperation;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.EnvironmentOutcome;
import io.jenkins.plugins.immutable.agent.PromoteOperation;
import io.jenkins.plugins.immutable.agent.RollbackOperation;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.record.DeploymentOutcome;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.Recording;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import io.jenkins.plugins.immutable.testing.FakeEngine;
import io.jenkins.plugins.immutable.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's EnvironmentView → the steps' return value and the deployments the build records. */
class EnvironmentResultTranslationTest {

    @TempDir
    Path workspace;

    private final FakeEngine engine = new FakeEngine();

    private EnvironmentOutcome deploy(char ref) throws Exception {
        return EngineCallable.execute(new DeployOperation(new ImmutableDeployStep(Samples.refText(ref), "staging").toSpec(), null),
                engine, workspace);
    }

    @Test
    void anAutomaticDeployReturnsActivePreviousAndTheSwitchTime() throws Exception {
        engine.view = Samples.view(Samples.colour(GREEN, ACTIVE, 'b'), Samples.colour(BLUE, WARM, 'a'), null, 42L);

        Map<String, Object> result = StepResults.environment(deploy('b'));

        assertThat(result).containsExactly(
                entry("environment", "staging"),
                entry("active", Map.of("colour", "green", "ref", Samples.refText('b'), "releaseId", Samples.releaseId('b'), "state", "ACTIVE")),
                entry("previous", Map.of("colour", "blue", "ref", Samples.refText('a'), "releaseId", Samples.releaseId('a'), "state", "WARM")),
                entry("preview", null),
                entry("switchMillis", 42L));
    }

    @Test
    void anAutomaticDeployIsRecordedActiveWithItsSwitchTime() throws Exception {
        engine.view = Samples.view(Samples.colour(GREEN, ACTIVE, 'b'), Samples.colour(BLUE, WARM, 'a'), null, 42L);

        List<RecordedDeployment> recorded = Recording.deployed(deploy('b'), Samples.refText('b'), 5_000L);

        assertThat(recorded).singleElement().satisfies(d -> {
            assertThat(d.getEnvironment()).isEqualTo("staging");
            assertThat(d.getOperation()).isEqualTo("deploy");
            assertThat(d.getColour()).isEqualTo("green");
            assertThat(d.getRef()).isEqualTo(Samples.refText('b'));
            assertThat(d.getReleaseId()).isEqualTo(Samples.releaseId('b'));
            assertThat(d.getTimeMillis()).isEqualTo(5_000L);
            assertThat(d.getOutcome()).isEqualTo(DeploymentOutcome.ACTIVE);
            assertThat(d.getSwitchMillis()).isEqualTo(42L);
        });
    }

    @Test
    void aSwarmDeployIsRecordedWithItsPlatformAndReplicas() throws Exception {
        engine.view = Samples.view(Samples.colour(GREEN, ACTIVE, 'b'), Samples.colour(BLUE, WARM, 'a'), null, 42L);
        engine.settings = FakeEngine.swarmSettings(3);

        EnvironmentOutcome outcome = deploy('b');
        List<RecordedDeployment> recorded = Recording.deployed(outcome, Samples.refText('b'), 5_000L);

        assertThat(outcome.platform()).isEqualTo("swarm");
        assertThat(outcome.replicas()).isEqualTo(3);
        assertThat(recorded).singleElement().satisfies(d -> {
            assertThat(d.getPlatform()).isEqualTo("swarm");
            assertThat(d.getReplicas()).isEqualTo(3);
            assertThat(d.getPlatformLabel()).isEqualTo("swarm, 3 replicas per colour");
            assertThat(d.getColour()).isEqualTo("green");
        });
        // The canary rows' copy keeps it too.
        assertThat(outcome.withCanarySteps(List.of()).platform()).isEqualTo("swarm");
    }

    @Test
    void aDeployOnOneHostIsRecordedAsDockerAndAnEngineWithoutSettingsRecordsNoPlatform() throws Exception {
        engine.view = Samples.view(Samples.colour(GREEN, ACTIVE, 'b'), Samples.colour(BLUE, WARM, 'a'), null, 42L);
        engine.settings = FakeEngine.swarmSettings(1);
        engine.settings = new io.jenkins.plugins.immutable.engine.api.EnvironmentSettings(engine.settings.app(), engine.settings.dockerHost(),
                8080, "/", engine.settings.healthTimeout(), engine.settings.haproxySocket(), "app", false, engine.settings.keepPrevious(), false,
                List.of(), false, null, null, null, null, null, null, 0);

        assertThat(Recording.deployed(deploy('b'), Samples.refText('b'), 1L)).singleElement().satisfies(d -> {
            assertThat(d.getPlatform()).isEqualTo("docker");
            assertThat(d.getReplicas()).isEqualTo(1);
            assertThat(d.getPlatformLabel()).isEqualTo("docker");
        });

        engine.settings = null;
        assertThat(Recording.deployed(deploy('b'), Samples.refText('b'), 1L)).singleElement().satisfies(d -> {
            assertThat(d.getPlatform()).isNull();
            assertThat(d.getReplicas()).isNull();
            assertThat(d.getPlatformLabel()).isEmpty();
        });

        // Settings that cannot be read after the deploy leave the record without a platform; the deploy still succeeds.
        engine.settings = FakeEngine.swarmSettings(3);
        engine.settingsFailure = new ReleaseException(ReleaseException.Kind.UNREACHABLE, "the ledger went away");
        EnvironmentOutcome withoutSettings = deploy('b');
        assertThat(withoutSettings.active().releaseId()).isEqualTo(Samples.releaseId('b'));
        assertThat(withoutSettings.platform()).isNull();
    }

    @Test
    void aManualDeployReturnsThePreviewAndIsRecordedHealthyWithoutASwitch() throws Exception {
        engine.view = Samples.view(Samples.colour(BLUE, ACTIVE, 'a'), null, Samples.colour(GREEN, HEALTHY, 'b'), null);
        EnvironmentOutcome outcome = deploy('b');

        assertThat(StepResults.environment(outcome))
                .containsEntry("preview", Map.of("colour", "green", "ref", Samples.refText('b'), "releaseId", Samples.releaseId('b'), "state", "HEALTHY"))
                .containsEntry("switchMillis", null);
        assertThat(Recording.deployed(outcome, Samples.refText('b'), 1L)).singleElement().satisfies(d -> {
            assertThat(d.getOutcome()).isEqualTo(DeploymentOutcome.HEALTHY);
            assertThat(d.getColour()).isEqualTo("green");
            assertThat(d.getSwitchMillis()).isNull();
        });
    }

    @Test
    void aRepeatedDeployOfTheLiveReleaseIsRecordedActive() throws Exception {
        engine.view = Samples.view(Samples.colour(BLUE, ACTIVE, 'a'), null, null, null);
        assertThat(Recording.deployed(deploy('a'), Samples.refText('a'), 1L))
                .extracting(RecordedDeployment::getOutcome, RecordedDeployment::getReleaseId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeploymentOutcome.ACTIVE, Samples.releaseId('a')));
    }

    @Test
    void aPromotionIsRecordedActive() throws Exception {
        engine.view = Samples.view(Samples.colour(GREEN, ACTIVE, 'b'), Samples.colour(BLUE, WARM, 'a'), null, 7L);
        EnvironmentOutcome outcome = EngineCallable.execute(new PromoteOperation("staging"), engine, workspace);

        assertThat(engine.calls).containsExactly("promote staging");
        assertThat(Recording.promoted(outcome, 1L)).singleElement().satisfies(d -> {
            assertThat(d.getOperation()).isEqualTo("promote");
            assertThat(d.getOutcome()).isEqualTo(DeploymentOutcome.ACTIVE);
            assertThat(d.getReleaseId()).isEqualTo(Samples.releaseId('b'));
            assertThat(d.getSwitchMillis()).isEqualTo(7L);
        });
    }

    @Test
    void aRollbackToANamedReleaseAsksNoStatusAndIsRecordedRolledBack() throws Exception {
        engine.view = Samples.view(Samples.colour(BLUE, ACTIVE, 'a'), Samples.colour(GREEN, WARM, 'b'), null, 3L);
        EnvironmentOutcome outcome = EngineCallable.execute(new RollbackOperation("staging", Samples.releaseId('a'), null, null), engine, workspace);

        assertThat(engine.calls).containsExactly(new RollbackRequest("staging", Samples.releaseId('a'), null, null));
        assertThat(outcome.discarded()).isNull();
        assertThat(Recording.rolledBack(outcome, 1L)).singleElement().satisfies(d -> {
            assertThat(d.getOperation()).isEqualTo("rollback");
            assertThat(d.getOutcome()).isEqualTo(DeploymentOutcome.ROLLED_BACK);
            assertThat(d.getReleaseId()).isEqualTo(Samples.releaseId('a'));
            assertThat(d.getSwitchMillis()).isEqualTo(3L);
        });
    }

    @Test
    void aRollbackWithoutTargetWhileAPreviewWaitsDiscardsItAndRecordsItAborted() throws Exception {
        engine.status = Samples.view(Samples.colour(BLUE, ACTIVE, 'a'), null, Samples.colour(GREEN, HEALTHY, 'b'), null);
        engine.view = Samples.view(Samples.colour(BLUE, ACTIVE, 'a'), null, null, null);

        EnvironmentOutcome outcome = EngineCallable.execute(new RollbackOperation("staging", null, null, null), engine, workspace);

        assertThat(engine.calls).containsExactly("status staging", new RollbackRequest("staging", null, null, null));
        assertThat(outcome.discarded().releaseId()).isEqualTo(Samples.releaseId('b'));
        assertThat(StepResults.environment(outcome)).containsEntry("preview", null).containsEntry("switchMillis", null);
        assertThat(Recording.rolledBack(outcome, 1L)).singleElement().satisfies(d -> {
            assertThat(d.getOutcome()).isEqualTo(DeploymentOutcome.ABORTED);
            assertThat(d.getReleaseId()).isEqualTo(Samples.releaseId('b'));
            assertThat(d.getColour()).isEqualTo("green");
            assertThat(d.getSwitchMillis()).isNull();
        });
    }

    @Test
    void aDeployUndoneByTheEngineIsRecordedAbortedWithItsReleaseId() {
        RecordedDeployment d = Recording.aborted("staging", Samples.refText('c'), 9L);
        assertThat(d.getOutcome()).isEqualTo(DeploymentOutcome.ABORTED);
        assertThat(d.getReleaseId()).isEqualTo(Samples.releaseId('c'));
        assertThat(d.getColour()).isNull();
        assertThat(d.getOutcomeLabel()).isEqualTo("aborted, traffic never moved");
    }

    @Test
    void deploymentsAccumulateOnTheBuildRecord() throws Exception {
        engine.view = Samples.view(Samples.colour(GREEN, ACTIVE, 'b'), Samples.colour(BLUE, WARM, 'a'), null, 42L);
        ReleaseAction action = new ReleaseAction();
        action.recordDeployments(Recording.deployed(deploy('b'), Samples.refText('b'), 1L));
        action.recordDeployments(List.of(Recording.aborted("production", Samples.refText('b'), 2L)));
        assertThat(action.getDeployments()).extracting(RecordedDeployment::getEnvironment).containsExactly("staging", "production");
    }
}
