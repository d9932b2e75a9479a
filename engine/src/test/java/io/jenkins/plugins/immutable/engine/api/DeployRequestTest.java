package io.jenkins.plugins.immutable.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeployRequestTest {

    private static final String REF = "127.0.0.1:5000/app@sha256:9ac06bca2335705aaf276519bfdb5bc49f461deb38838b1a0b84e8886ddb645a";

    @Test
    void onlyGivenSettingsAreOverridden() throws Exception {
        DeployRequest request = DeployRequest.builder().environment("staging").ref(REF)
                .healthTimeout("90s").haproxySocket("/run/haproxy.sock").build();
        assertThat(request.environment()).isEqualTo("staging");
        assertThat(request.overrides().healthTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(request.overrides().haproxySocket()).hasToString("/run/haproxy.sock");
        assertThat(request.overrides().containerPort()).isNull();
        assertThat(request.overrides().manualPromotion()).isNull();
    }

    @Test
    void everyBadFieldIsNamed() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> DeployRequest.builder()
                .environment("bad env").ref("127.0.0.1:5000/app:v1").app("-x").port("70000").healthPath("health")
                .healthTimeout("soon").keepPrevious("1y").haproxyBackend("a b").dockerHost("localhost:2375").build());
        assertThat(e.problems()).extracting(Problem::field).containsExactly("environment", "ref", "app", "port", "healthPath",
                "healthTimeout", "keepPrevious", "haproxyBackend", "dockerHost");
        assertThat(e.getMessage())
                .contains("port: '70000' is not a port: expected a number from 1 to 65535")
                .contains("ref: '127.0.0.1:5000/app:v1' is a tag, not a digest reference");
    }

    @Test
    void missingEnvironmentAndRefAreNamed() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> DeployRequest.builder().build());
        assertThat(e.problems()).extracting(Problem::field).containsExactly("environment", "ref");
    }

    @Test
    void aZeroHealthTimeoutIsRefused() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> DeployRequest.builder()
                .environment("e").ref(REF).healthTimeout("0").build());
        assertThat(e.getMessage()).contains("healthTimeout: 0 leaves no time");
    }

    @Test
    void rollbackTakesAReleaseOrADigestNotBoth() throws Exception {
        assertThat(RollbackRequest.of("prod", null, null).toReleaseId()).isNull();
        assertThat(RollbackRequest.of("prod", null, REF.substring(REF.indexOf('@') + 1)).toDigest()).isNotNull();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> RollbackRequest.of("prod", "rel-1", "sha256:12"));
        assertThat(e.problems()).extracting(Problem::field).containsExactly("toDigest", "toRelease");
    }

    @Test
    void aCanaryIsReadFromItsFlags() throws Exception {
        DeployRequest request = DeployRequest.builder().environment("staging").ref(REF).strategy("canary")
                .canary("5,25,pause,100", "2s", "0.5%", "800ms", "20").build();
        CanaryOverrides canary = request.overrides().canaryFields();
        assertThat(request.overrides().strategy()).isEqualTo("canary");
        assertThat(canary.steps()).containsExactly(5, 25, CanarySettings.PAUSE, 100);
        assertThat(canary.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(canary.maxErrorRate()).isEqualTo(0.005);
        assertThat(canary.maxP99()).isEqualTo(Duration.ofMillis(800));
        assertThat(canary.minRequests()).isEqualTo(20);
        // what is not given stays unset: the deploy merges it with the environment's stored canary, field by field
        DeployRequest intervalOnly = DeployRequest.builder().environment("staging").ref(REF).canary(null, "10s", null, null, null).build();
        assertThat(intervalOnly.overrides().canaryFields()).isEqualTo(new CanaryOverrides(null, Duration.ofSeconds(10), null, null, null));
        assertThat(intervalOnly.overrides().strategy()).isNull();
        assertThat(DeployRequest.builder().environment("staging").ref(REF).strategy("canary").build().overrides().canaryFields())
                .isNull();
    }

    @Test
    void badCanaryFlagsAreNamed() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> DeployRequest.builder()
                .environment("staging").ref(REF).strategy("canary").canary("25,5", "0s", "lots", "0ms", "none").build());
        assertThat(e.problems()).extracting(Problem::field).containsExactly("canarySteps", "canaryInterval", "maxErrorRate",
                "maxP99", "minRequests");
        InvalidInputException over = catchThrowableOfType(InvalidInputException.class, () -> DeployRequest.builder()
                .environment("staging").ref(REF).strategy("canary").canary("5,101", null, null, null, null).build());
        assertThat(over.problems()).extracting(Problem::message).anyMatch(m -> m.contains("101"));
        InvalidInputException withBlueGreen = catchThrowableOfType(InvalidInputException.class, () -> DeployRequest.builder()
                .environment("staging").ref(REF).strategy("blue-green").canary("5,100", "2s", null, null, null).build());
        assertThat(withBlueGreen.problems()).extracting(Problem::field).containsExactly("canarySteps", "canaryInterval");
        InvalidInputException unknown = catchThrowableOfType(InvalidInputException.class, () -> DeployRequest.builder()
                .environment("staging").ref(REF).strategy("rolling").build());
        assertThat(unknown.problems()).extracting(Problem::field).containsExactly("strategy");
    }
}
