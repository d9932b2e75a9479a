package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thoughtworks.xstream.XStream;
import hudson.model.Result;
import io.jenkins.plugins.immutable.agent.DriftFindingOutcome;
import io.jenkins.plugins.immutable.agent.DriftOperation;
import io.jenkins.plugins.immutable.agent.DriftOutcome;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.ReleaseFailure;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftReport;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.record.DriftAction;
import io.jenkins.plugins.immutable.record.RecordedDriftCheck;
import io.jenkins.plugins.immutable.testing.FakeEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** immutableDriftCheck's translation: parameters → the engine call, the report → build result, log, return value and record. */
class DriftStepTranslationTest {

    private static final DriftFinding FILES = new DriftFinding(DriftFinding.Kind.FILES_CHANGED, Colour.BLUE, "shop-staging-blue",
            "2 path(s) changed since it started", "no change", "/www, /www/index.html");

    private static DriftReport report(List<DriftFinding> findings, List<String> repaired, List<DriftFinding> remaining) {
        return new DriftReport("staging", findings, repaired, remaining, List.of());
    }

    private static DriftOutcome run(DriftReport report, boolean repair, FakeEngine engine) throws Exception {
        engine.drift = report;
        return EngineCallable.execute(new DriftOperation("staging", repair), engine, Path.of("."));
    }

    @Test
    void environmentIsRequiredAndRepairIsOffByDefault() {
        ImmutableDriftCheckStep step = new ImmutableDriftCheckStep("staging");
        assertThat(step.getEnvironment()).isEqualTo("staging");
        assertThat(step.isRepair()).isFalse();
        step.setRepair(true);
        assertThat(step.isRepair()).isTrue();
    }

    @Test
    void theOperationAsksTheEngineForTheEnvironmentAndRepair() throws Exception {
        FakeEngine engine = new FakeEngine();
        run(report(List.of(), List.of(), List.of()), true, engine);
        assertThat(engine.calls).containsExactly("drift staging repair");
    }

    @Test
    void aCleanEnvironmentLeavesTheResultAloneAndSaysSo() throws Exception {
        DriftOutcome outcome = run(report(List.of(), List.of(), List.of()), false, new FakeEngine());
        assertThat(DriftResults.buildResult(outcome)).isNull();
        assertThat(DriftResults.map(outcome)).containsEntry("drifted", false).containsEntry("findings", List.of());
        assertThat(DriftResults.log(outcome, false)).containsExactly("No drift in staging.");
    }

    @Test
    void driftMarksTheBuildUnstableAndEveryFindingReachesTheScriptAndTheLog() throws Exception {
        DriftOutcome outcome = run(report(List.of(FILES), List.of(), List.of(FILES)), false, new FakeEngine());
        assertThat(DriftResults.buildResult(outcome)).isSameAs(Result.UNSTABLE);
        Map<String, Object> map = DriftResults.map(outcome);
        assertThat(map).containsEntry("environment", "staging").containsEntry("drifted", true);
        assertThat(map.get("findings")).isEqualTo(List.of(Map.of("kind", "FILES_CHANGED", "colour", "blue", "container",
                "shop-staging-blue", "what", "2 path(s) changed since it started", "expected", "no change", "found",
                "/www, /www/index.html")));
        assertThat(String.join("\n", DriftResults.log(outcome, false))).contains("FILES_CHANGED blue shop-staging-blue")
                .contains("marked UNSTABLE").contains("repair: true");
    }

    @Test
    void aRepairThatLeftNothingIsNotUnstable() throws Exception {
        DriftOutcome outcome = run(report(List.of(FILES), List.of("replaced blue"), List.of()), true, new FakeEngine());
        assertThat(DriftResults.buildResult(outcome)).isNull();
        assertThat(DriftResults.log(outcome, true)).contains("  repaired: replaced blue", "Repaired: no drift is left in staging.");
        assertThat(RecordedDriftCheck.of(outcome, true, 1L).getVerdict()).isEqualTo("repaired");
    }

    @Test
    void aFailedRepairIsAReleaseFailureWhoseKindSaysSo() {
        FakeEngine engine = new FakeEngine();
        engine.failure = new ReleaseException(ReleaseException.Kind.FAILED_SAFELY, "health check failed; traffic did not move");
        assertThatThrownBy(() -> run(null, true, engine)).isInstanceOf(ReleaseFailure.class)
                .hasMessageContaining("traffic did not move");
        assertThat(RecordedDriftCheck.failed("staging", true, "health check failed", 1L).getVerdict()).isEqualTo("repair failed");
    }

    @Test
    void anUnknownEnvironmentNamesTheParameter() {
        FakeEngine engine = new FakeEngine();
        engine.failure = new InvalidInputException("environment", "no environment 'nowhere'");
        assertThatThrownBy(() -> run(null, false, engine)).isInstanceOf(ReleaseFailure.class).hasMessageContaining("environment");
    }

    @Test
    void theBuildRecordSurvivesXStream() throws Exception {
        DriftAction action = new DriftAction();
        DriftOutcome outcome = new DriftOutcome("staging", List.of(findingOutcome(FILES)), List.of(), List.of(findingOutcome(FILES)),
                List.of());
        action.record(RecordedDriftCheck.of(outcome, false, 5L));
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.immutable.**"});
        DriftAction restored = (DriftAction) xstream.fromXML(xstream.toXML(action));
        RecordedDriftCheck check = restored.getChecks().get(0);
        assertThat(check.getEnvironment()).isEqualTo("staging");
        assertThat(check.getTimeMillis()).isEqualTo(5L);
        assertThat(check.getVerdict()).isEqualTo("drift found");
        assertThat(check.getFindings().get(0).getKind()).isEqualTo("FILES_CHANGED");
        assertThat(check.getFindings().get(0).getFound()).isEqualTo("/www, /www/index.html");
        assertThat(restored.isDrifted()).isTrue();
        assertThat(((DriftAction) xstream.fromXML("<" + DriftAction.class.getName() + "/>")).getChecks()).isEmpty();
    }

    private static DriftFindingOutcome findingOutcome(DriftFinding f) {
        return new DriftFindingOutcome(f.kind().name(), f.colour().label(), f.container(), f.what(), f.expected(), f.found());
    }
}
