package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.agent.DeployOperation;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.RegistryLogin;
import io.jenkins.plugins.immutable.agent.ReleaseFailure;
import io.jenkins.plugins.immutable.agent.RollbackOperation;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.api.SettingsOverrides;
import io.jenkins.plugins.immutable.testing.FakeEngine;
import io.jenkins.plugins.immutable.testing.Samples;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** immutableDeploy's parameters → the engine's DeployRequest, and bad parameters → messages naming them. */
class DeployStepTranslationTest {

    @TempDir
    Path workspace;

    @Test
    void onlyRefAndEnvironmentLeaveEveryStoredSettingAlone() throws Exception {
        DeployRequest request = new ImmutableDeployStep(Samples.refText('a'), "staging").toSpec().toRequest(workspace, null);

        assertThat(request.environment()).isEqualTo("staging");
        assertThat(request.ref()).isEqualTo(Samples.ref('a'));
        assertThat(request.overrides()).isEqualTo(SettingsOverrides.NONE);
    }

    @Test
    void everyGivenSettingReachesTheRequest() throws Exception {
        ImmutableDeployStep step = new ImmutableDeployStep(Samples.refText('a'), "production");
        step.setApp("shop");
        step.setPort(9090);
        step.setHealthPath("/health");
        step.setHealthTimeout("90s");
        step.setManualPromotion(true);
        step.setHaproxySocket("/run/haproxy/admin.sock");
        step.setHaproxyBackend("shop");
        step.setKeepPrevious("30m");
        step.setDockerHost("tcp://10.0.0.5:2375");

        SettingsOverrides o = step.toSpec().toRequest(workspace, null).overrides();

        assertThat(o.app()).isEqualTo("shop");
        assertThat(o.containerPort()).isEqualTo(9090);
        assertThat(o.healthPath()).isEqualTo("/health");
        assertThat(o.healthTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.manualPromotion()).isTrue();
        assertThat(o.haproxySocket()).isEqualTo(Path.of("/run/haproxy/admin.sock"));
        assertThat(o.haproxyBackend()).isEqualTo("shop");
        assertThat(o.keepPrevious()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.dockerHost()).isEqualTo("tcp://10.0.0.5:2375");
    }

    @Test
    void aCanaryReachesTheRequest() throws Exception {
        ImmutableDeployStep step = new ImmutableDeployStep(Samples.refText('a'), "production");
        step.setStrategy("canary");
        step.setCanarySteps("5,25,pause,100");
        step.setCanaryInterval("30s");
        step.setMaxErrorRate("1%");
        step.setMaxP99("800ms");
        step.setMinRequests("50");

        SettingsOverrides o = step.toSpec().toRequest(workspace, null).overrides();

        assertThat(o.strategy()).isEqualTo("canary");
        assertThat(o.canaryFields().steps()).containsExactly(5, 25, 0, 100);
        assertThat(o.canaryFields().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.canaryFields().maxErrorRate()).isEqualTo(0.01);
        assertThat(o.canaryFields().maxP99()).isEqualTo(Duration.ofMillis(800));
        assertThat(o.canaryFields().minRequests()).isEqualTo(50);

        // a parameter left out keeps the environment's stored value: only the interval is sent
        ImmutableDeployStep intervalOnly = new ImmutableDeployStep(Samples.refText('a'), "staging");
        intervalOnly.setCanaryInterval("10s");
        SettingsOverrides partial = intervalOnly.toSpec().toRequest(workspace, null).overrides();
        assertThat(partial.strategy()).isNull();
        assertThat(partial.canaryFields().givenFields()).containsExactly("canaryInterval");
    }

    @Test
    void aSwarmPlatformAndItsReplicasReachTheRequest() throws Exception {
        ImmutableDeployStep step = new ImmutableDeployStep(Samples.refText('a'), "production");
        step.setPlatform(" swarm ");
        step.setReplicas(3);

        SettingsOverrides o = step.toSpec().toRequest(workspace, null).overrides();

        assertThat(o.platform()).isEqualTo("swarm");
        assertThat(o.replicas()).isEqualTo(3);

        // a parameter left out keeps the environment's stored value
        SettingsOverrides untouched = new ImmutableDeployStep(Samples.refText('a'), "production").toSpec().toRequest(workspace, null)
                .overrides();
        assertThat(untouched.platform()).isNull();
        assertThat(untouched.replicas()).isNull();
    }

    @Test
    void badPlatformOrReplicasAreRefusedNamingTheParameter() {
        ImmutableDeployStep k8s = new ImmutableDeployStep(Samples.refText('a'), "production");
        k8s.setPlatform("k8s");
        assertThatThrownBy(() -> k8s.toSpec().toRequest(workspace, null)).hasMessageContaining("platform").hasMessageContaining("k8s");

        ImmutableDeployStep none = new ImmutableDeployStep(Samples.refText('a'), "production");
        none.setPlatform("swarm");
        none.setReplicas(0);
        assertThatThrownBy(() -> none.toSpec().toRequest(workspace, null)).hasMessageContaining("replicas");

        ImmutableDeployStep oneHost = new ImmutableDeployStep(Samples.refText('a'), "production");
        oneHost.setPlatform("docker");
        oneHost.setReplicas(2);
        assertThatThrownBy(() -> oneHost.toSpec().toRequest(workspace, null)).hasMessageContaining("replicas");
    }

    @Test
    void manualPromotionFalseIsSentNotDropped() throws Exception {
        ImmutableDeployStep step = new ImmutableDeployStep(Samples.refText('a'), "staging");
        step.setManualPromotion(false);
        assertThat(step.toSpec().toRequest(workspace, null).overrides().manualPromotion()).isFalse();
    }

    @Test
    void aRelativeHaproxySocketIsReadAgainstTheWorkspace() throws Exception {
        ImmutableDeployStep step = new ImmutableDeployStep(Samples.refText('a'), "staging");
        step.setHaproxySocket("run/haproxy.sock");
        assertThat(step.toSpec().toRequest(workspace, null).overrides().haproxySocket())
                .isEqualTo(workspace.resolve("run/haproxy.sock").toAbsolutePath().normalize());
    }

    @Test
    void blankOptionalValuesCountAsNotGiven() throws Exception {
        ImmutableDeployStep step = new ImmutableDeployStep(Samples.refText('a'), "staging");
        step.setApp("");
        step.setHealthTimeout(" ");
        step.setHaproxySocket("");
        assertThat(step.toSpec().toRequest(workspace, null).overrides()).isEqualTo(SettingsOverrides.NONE);
    }

    @Test
    void eachBadParameterIsNamedAsTheStepCallsIt() {
        ImmutableDeployStep step = new ImmutableDeployStep("127.0.0.1:5000/team/app:1.2", "prod uction");
        step.setPort(70000);
        step.setHealthPath("health");
        step.setHealthTimeout("soon");
        step.setKeepPrevious("forever");
        step.setHaproxyBackend("-x");
        step.setDockerHost("docker.example.com");

        assertThatThrownBy(() -> deploy(step, null))
                .isInstanceOf(ReleaseFailure.class)
                .hasMessageContaining("environment: 'prod uction' is not a valid name")
                .hasMessageContaining("ref: '127.0.0.1:5000/team/app:1.2' is a tag, not a digest reference")
                .hasMessageContaining("port: '70000' is not a port")
                .hasMessageContaining("healthPath: 'health' is not a path")
                .hasMessageContaining("healthTimeout: 'soon' is not a duration")
                .hasMessageContaining("keepPrevious: 'forever' is not a duration")
                .hasMessageContaining("haproxyBackend: '-x' is not a valid backend name")
                .hasMessageContaining("dockerHost: 'docker.example.com' is not a Docker host")
                .satisfies(e -> assertThat(BuildStepTranslationTest.namesIn(e.getMessage())).containsExactlyInAnyOrder(
                        "environment", "ref", "port", "healthPath", "healthTimeout", "keepPrevious", "haproxyBackend", "dockerHost"));
    }

    @Test
    void missingRequiredParametersAreNamed() {
        assertThatThrownBy(() -> deploy(new ImmutableDeployStep(null, null), null))
                .hasMessageContaining("environment: missing")
                .hasMessageContaining("ref: missing")
                .satisfies(e -> assertThat(BuildStepTranslationTest.namesIn(e.getMessage())).containsExactlyInAnyOrder("environment", "ref"));
    }

    @Test
    void pullCredentialsReachTheRequestAndNothingElse() throws Exception {
        DeployRequest request = new ImmutableDeployStep(Samples.refText('a'), "staging").toSpec()
                .toRequest(workspace, new RegistryLogin("ci", "s3cret"));
        assertThat(request.credentials().username()).isEqualTo("ci");
        assertThat(request.credentials().password()).isEqualTo("s3cret");
        assertThat(request.overrides()).isEqualTo(SettingsOverrides.NONE);
        assertThat(new ImmutableDeployStep(Samples.refText('a'), "staging").toSpec().toRequest(workspace, null).credentials()).isNull();
    }

    @Test
    void rollbackPullCredentialsReachTheRequest() throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.view = Samples.view(null, null, null, null);
        EngineCallable.execute(new RollbackOperation("staging", Samples.releaseId('a'), null, new RegistryLogin("ci", "s3cret")), engine, workspace);
        assertThat(engine.calls).singleElement().isInstanceOfSatisfying(RollbackRequest.class, r -> {
            assertThat(r.toReleaseId()).isEqualTo(Samples.releaseId('a'));
            assertThat(r.credentials().password()).isEqualTo("s3cret");
        });
    }

    private Object deploy(ImmutableDeployStep step, RegistryLogin login) throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.view = Samples.view(null, null, null, null);
        return EngineCallable.execute(new DeployOperation(step.toSpec(), login), engine, workspace);
    }
}
