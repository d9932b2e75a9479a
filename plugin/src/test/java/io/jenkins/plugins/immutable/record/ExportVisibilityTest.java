package io.jenkins.plugins.immutable.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.Exported;

/**
 * /api/json at the default depth shows a build action's properties of visibility 2 and their nested beans' of
 * visibility 3 (as core's CauseAction and ParametersAction do); anything lower is left out.
 */
class ExportVisibilityTest {

    private static List<Method> exported(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(Exported.class)).toList();
    }

    @Test
    void theActionsListsShowAtTheDefaultDepth() {
        List<Method> methods = exported(ReleaseAction.class);
        assertThat(methods).extracting(Method::getName).contains("getReleases", "getDeployments");
        assertThat(methods).allSatisfy(m -> assertThat(m.getAnnotation(Exported.class).visibility()).as(m.getName()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void everyPropertyOfTheNestedEntriesShowsAtTheDefaultDepth() {
        for (Class<?> nested : List.of(RecordedRelease.class, RecordedDeployment.class)) {
            List<Method> methods = exported(nested);
            assertThat(methods).isNotEmpty();
            assertThat(methods).allSatisfy(m -> assertThat(m.getAnnotation(Exported.class).visibility())
                    .as(nested.getSimpleName() + "." + m.getName()).isGreaterThanOrEqualTo(3));
        }
    }

    @Test
    void theDriftRecordShowsAtTheDefaultDepthToo() {
        assertThat(exported(DriftAction.class)).extracting(Method::getName).contains("getChecks");
        assertThat(exported(DriftAction.class)).allSatisfy(m -> assertThat(m.getAnnotation(Exported.class).visibility())
                .as(m.getName()).isGreaterThanOrEqualTo(2));
        assertThat(exported(RecordedDriftCheck.class)).isNotEmpty().allSatisfy(m -> assertThat(m.getAnnotation(Exported.class)
                .visibility()).as("RecordedDriftCheck." + m.getName()).isGreaterThanOrEqualTo(3));
        assertThat(exported(RecordedDriftFinding.class)).isNotEmpty().allSatisfy(m -> assertThat(m.getAnnotation(Exported.class)
                .visibility()).as("RecordedDriftFinding." + m.getName()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void aCanarysRowsShowAtTheDefaultDepthUnderTheirDeployment() {
        assertThat(exported(RecordedDeployment.class)).extracting(Method::getName).contains("getCanarySteps");
        assertThat(exported(RecordedCanaryStep.class)).extracting(Method::getName).contains("getStep", "getShare", "getRequests",
                "getErrors", "getP99Millis", "getVerdict");
        assertThat(exported(RecordedCanaryStep.class)).allSatisfy(m -> assertThat(m.getAnnotation(Exported.class).visibility())
                .as("RecordedCanaryStep." + m.getName()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void createdAndTimeAreExportedAsTheReadmeSays() {
        assertThat(exported(RecordedRelease.class)).extracting(Method::getName).contains("getCreated");
        assertThat(exported(RecordedDeployment.class)).extracting(Method::getName).contains("getTime");
    }

    @Test
    void theSignatureFieldsAreExportedAtTheDefaultDepth() throws Exception {
        assertThat(exported(RecordedRelease.class)).extracting(Method::getName).contains("getKeyId", "isSigned");
        assertThat(exported(RecordedDeployment.class)).extracting(Method::getName).contains("getSignatureVerifiedBy");
        for (Method m : List.of(RecordedRelease.class.getMethod("getKeyId"), RecordedRelease.class.getMethod("isSigned"),
                RecordedDeployment.class.getMethod("getSignatureVerifiedBy"))) {
            assertThat(m.getAnnotation(Exported.class).visibility()).as(m.getName()).isEqualTo(3);
        }
    }

    @Test
    void thePlatformAndReplicasAreExportedAtTheDefaultDepth() throws Exception {
        assertThat(exported(RecordedDeployment.class)).extracting(Method::getName).contains("getPlatform", "getReplicas");
        for (String name : List.of("getPlatform", "getReplicas")) {
            assertThat(RecordedDeployment.class.getMethod(name).getAnnotation(Exported.class).visibility()).as(name).isEqualTo(3);
        }
    }
}
