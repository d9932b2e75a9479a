package io.jenkins.plugins.immutable.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.immutable.engine.api.CanarySettings;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.EnvironmentSettings;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Problem;
import io.jenkins.plugins.immutable.engine.docker.DockerEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deploy's canary flags merge with the environment's stored canary field by field; blue-green forgets it. */
class CanarySettingsMergeTest {

    private static final String REF = "127.0.0.1:5000/shop@sha256:" + "c".repeat(64);
    private static final DockerEndpoint ENGINE = new DockerEndpoint("unix:///d.sock", null, null);
    private static final CanarySettings STORED = new CanarySettings(List.of(10, CanarySettings.PAUSE, 50, 100),
            Duration.ofSeconds(20), 0.005, Duration.ofMillis(800), 30, CanarySettings.DEFAULT_INCONCLUSIVE_LIMIT);

    private static EnvironmentSettings stored(CanarySettings canary) {
        return new EnvironmentSettings("shop", "unix:///d.sock", 8080, "/health", Duration.ofSeconds(30), Path.of("/run/h.sock"),
                "app", false, Duration.ofHours(1), false, List.of(), false, null, null, null, null, canary);
    }

    private static EnvironmentSettings deploy(EnvironmentSettings stored, DeployRequest.Builder request) throws Exception {
        return SettingsResolver.resolve("prod", stored, request.build().overrides(), ImageRef.parse(REF), ENGINE);
    }

    private static DeployRequest.Builder request() {
        return DeployRequest.builder().environment("prod").ref(REF);
    }

    @Test
    void anIntervalAloneKeepsTheStoredStepsAndThresholds() throws Exception {
        CanarySettings merged = deploy(stored(STORED), request().canary(null, "10s", null, null, null)).canary();
        assertThat(merged).isEqualTo(new CanarySettings(STORED.steps(), Duration.ofSeconds(10), 0.005, Duration.ofMillis(800), 30,
                STORED.inconclusiveLimit()));
    }

    @Test
    void strategyCanaryWithSomeFieldsStillKeepsTheOthersStored() throws Exception {
        CanarySettings merged = deploy(stored(STORED), request().strategy("canary").canary("5,100", null, "2%", null, null)).canary();
        assertThat(merged.steps()).containsExactly(5, 100);
        assertThat(merged.maxErrorRate()).isEqualTo(0.02);
        assertThat(merged.interval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(merged.maxP99()).isEqualTo(Duration.ofMillis(800));
        assertThat(merged.minRequests()).isEqualTo(30);
        assertThat(deploy(stored(STORED), request().strategy("canary")).canary()).isEqualTo(STORED);
        assertThat(deploy(stored(STORED), request()).canary()).as("nothing given keeps it all").isEqualTo(STORED);
    }

    @Test
    void maxP99NoneRemovesTheStoredLimitAndOnlyIt() throws Exception {
        CanarySettings merged = deploy(stored(STORED), request().canary(null, null, null, "none", null)).canary();
        assertThat(merged.maxP99()).isNull();
        assertThat(merged.steps()).isEqualTo(STORED.steps());
    }

    @Test
    void aFirstCanaryFillsWhatIsNotGivenFromTheDefaults() throws Exception {
        CanarySettings fromBlueGreen = deploy(stored(null), request().strategy("canary").canary(null, "5s", null, null, null)).canary();
        assertThat(fromBlueGreen).isEqualTo(new CanarySettings(CanarySettings.DEFAULT_STEPS, Duration.ofSeconds(5),
                CanarySettings.DEFAULT_MAX_ERROR_RATE, null, CanarySettings.DEFAULT_MIN_REQUESTS, CanarySettings.DEFAULT_INCONCLUSIVE_LIMIT));
        EnvironmentSettings fresh = SettingsResolver.resolve("new", null, request().haproxySocket("/run/h.sock").strategy("canary")
                .build().overrides(), ImageRef.parse(REF), ENGINE);
        assertThat(fresh.canary()).isEqualTo(CanarySettings.defaults());
    }

    @Test
    void blueGreenForgetsTheStoredCanarySoALaterCanaryStartsFromTheDefaults() throws Exception {
        EnvironmentSettings blueGreen = deploy(stored(STORED), request().strategy("blue-green"));
        assertThat(blueGreen.canary()).isNull();
        assertThat(blueGreen.strategy()).isEqualTo(EnvironmentSettings.BLUE_GREEN);
        assertThat(deploy(blueGreen, request().strategy("canary")).canary()).isEqualTo(CanarySettings.defaults());
    }

    @Test
    void canaryFieldsWithoutACanaryAreRefusedNamingEachField() {
        InvalidInputException onBlueGreen = catchThrowableOfType(InvalidInputException.class,
                () -> deploy(stored(null), request().canary("5,100", null, null, null, "10")));
        assertThat(onBlueGreen.problems()).extracting(Problem::field).containsExactly("canarySteps", "minRequests");
        assertThat(onBlueGreen.problems().get(0).message()).contains("environment 'prod' runs blue-green")
                .contains("expected it with strategy canary");
        InvalidInputException onNew = catchThrowableOfType(InvalidInputException.class,
                () -> SettingsResolver.resolve("new", null, request().haproxySocket("/run/h.sock").canary(null, "10s", null, null, null)
                        .build().overrides(), ImageRef.parse(REF), ENGINE));
        assertThat(onNew.problems()).extracting(Problem::field).containsExactly("canaryInterval");
        assertThat(onNew.problems().get(0).message()).contains("environment 'new' is new");
        InvalidInputException withBlueGreen = catchThrowableOfType(InvalidInputException.class,
                () -> request().strategy("blue-green").canary(null, "10s", null, null, null).build());
        assertThat(withBlueGreen.problems()).extracting(Problem::field).containsExactly("canaryInterval");
    }
}
