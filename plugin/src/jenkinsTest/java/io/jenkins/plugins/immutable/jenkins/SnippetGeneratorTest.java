package io.jenkins.plugins.immutable.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.immutable.steps.BuildArg;
import io.jenkins.plugins.immutable.steps.ImmutableBuildStep;
import io.jenkins.plugins.immutable.steps.ImmutableDeployStep;
import io.jenkins.plugins.immutable.steps.ImmutablePromoteStep;
import io.jenkins.plugins.immutable.steps.ImmutableRollbackStep;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.ErrorType;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Each step round-trips through the Snippet Generator: form → step → Groovy → step, defaults left out. */
@WithJenkins
class SnippetGeneratorTest {

    private static final String REF = "127.0.0.1:5000/team/app@sha256:" + "a".repeat(64);

    @Test
    void immutableBuild(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        snippets.assertRoundTrip(new ImmutableBuildStep("127.0.0.1:5000/team/app"), "immutableBuild '127.0.0.1:5000/team/app'");

        ImmutableBuildStep step = new ImmutableBuildStep("127.0.0.1:5000/team/app");
        step.setContext("app");
        step.setRebuild(true);
        step.setRegistryCredentialsId("registry");
        snippets.assertRoundTrip(step,
                "immutableBuild context: 'app', image: '127.0.0.1:5000/team/app', rebuild: true, registryCredentialsId: 'registry'");
    }

    @Test
    void signingAndVerifyKeyCredentials(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        ImmutableBuildStep build = new ImmutableBuildStep("127.0.0.1:5000/team/app");
        build.setSigningKeyCredentialsId("release-signing");
        snippets.assertRoundTrip(build, "immutableBuild image: '127.0.0.1:5000/team/app', signingKeyCredentialsId: 'release-signing'");

        ImmutableDeployStep deploy = new ImmutableDeployStep(REF, "production");
        deploy.setRequireSignature(true);
        deploy.setVerifyKeyCredentialsId("release-signing-pub");
        snippets.assertRoundTrip(deploy, "immutableDeploy environment: 'production', ref: '" + REF
                + "', requireSignature: true, verifyKeyCredentialsId: 'release-signing-pub'");

        // The form's empty dropdowns mean "not given": no '' arguments in the snippet.
        snippets.assertGenerateSnippet("{'stapler-class':'" + ImmutableBuildStep.class.getName() + "', 'image':'127.0.0.1:5000/team/app',"
                + " 'signingKeyCredentialsId':'', 'registryCredentialsId':''}", "immutableBuild '127.0.0.1:5000/team/app'", null);
        snippets.assertGenerateSnippet("{'stapler-class':'" + ImmutableDeployStep.class.getName() + "', 'ref':'" + REF
                + "', 'environment':'production', 'verifyKeyCredentialsId':' release-signing-pub ', 'publicKey':''}",
                "immutableDeploy environment: 'production', ref: '" + REF + "', verifyKeyCredentialsId: 'release-signing-pub'", null);
    }

    @Test
    void immutableDeploy(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        snippets.assertRoundTrip(new ImmutableDeployStep(REF, "staging"), "immutableDeploy environment: 'staging', ref: '" + REF + "'");

        ImmutableDeployStep step = new ImmutableDeployStep(REF, "production");
        step.setManualPromotion(true);
        step.setPort(8080);
        step.setHealthTimeout("2m");
        snippets.assertRoundTrip(step, "immutableDeploy environment: 'production', healthTimeout: '2m', manualPromotion: true, port: 8080, ref: '"
                + REF + "'");
        ImmutableDeployStep readOnly = new ImmutableDeployStep(REF, "production");
        readOnly.setReadOnly(true);
        readOnly.setWritablePaths("/tmp /var/cache/app");
        snippets.assertRoundTrip(readOnly, "immutableDeploy environment: 'production', readOnly: true, ref: '" + REF
                + "', writablePaths: '/tmp /var/cache/app'");
    }

    @Test
    void immutablePromoteAndImmutableRollback(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        snippets.assertRoundTrip(new ImmutablePromoteStep("production"), "immutablePromote 'production'");
        snippets.assertRoundTrip(new ImmutableRollbackStep("production"), "immutableRollback 'production'");

        ImmutableRollbackStep step = new ImmutableRollbackStep("production");
        step.setToBuild(41);
        snippets.assertRoundTrip(step, "immutableRollback environment: 'production', toBuild: 41");
    }

    /**
     * What the deploy form submits untouched (the promotion choice unset, empty text boxes) → step → snippet: no
     * {@code manualPromotion: false} that would remove a production environment's gate, no {@code ''} arguments.
     */
    @Test
    void anUntouchedDeployFormKeepsTheEnvironmentsSettings(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        String form = "{'stapler-class':'" + ImmutableDeployStep.class.getName() + "', 'ref':'" + REF + "', 'environment':'production',"
                + " 'manualPromotion':'', 'app':'', 'healthPath':'', 'healthTimeout':'', 'haproxySocket':'', 'haproxyBackend':'',"
                + " 'keepPrevious':'', 'dockerHost':'', 'stateDir':'', 'registryCredentialsId':''}";
        snippets.assertGenerateSnippet(form, "immutableDeploy environment: 'production', ref: '" + REF + "'", null);
    }

    @Test
    void anExplicitPromotionChoiceIsKeptEitherWay(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        String form = "{'stapler-class':'" + ImmutableDeployStep.class.getName() + "', 'ref':'" + REF + "', 'environment':'production',"
                + " 'manualPromotion':'%s', 'app':' shop '}";
        snippets.assertGenerateSnippet(form.formatted("true"),
                "immutableDeploy app: 'shop', environment: 'production', manualPromotion: true, ref: '" + REF + "'", null);
        snippets.assertGenerateSnippet(form.formatted("false"),
                "immutableDeploy app: 'shop', environment: 'production', manualPromotion: false, ref: '" + REF + "'", null);
    }

    @Test
    void canaryParametersRoundTrip(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        ImmutableDeployStep step = new ImmutableDeployStep(REF, "production");
        step.setStrategy("canary");
        step.setCanarySteps("5,25,pause,100");
        step.setCanaryInterval("30s");
        step.setMaxErrorRate("1%");
        step.setMaxP99("800ms");
        step.setMinRequests("50");
        snippets.assertRoundTrip(step, "immutableDeploy canaryInterval: '30s', canarySteps: '5,25,pause,100', environment: 'production',"
                + " maxErrorRate: '1%', maxP99: '800ms', minRequests: '50', ref: '" + REF + "', strategy: 'canary'");
        ImmutableDeployStep blueGreen = new ImmutableDeployStep(REF, "production");
        blueGreen.setStrategy("blue-green");
        snippets.assertRoundTrip(blueGreen, "immutableDeploy environment: 'production', ref: '" + REF + "', strategy: 'blue-green'");

        // What the form submits: the strategy choice, the canary boxes; empty ones are not given.
        snippets.assertGenerateSnippet("{'stapler-class':'" + ImmutableDeployStep.class.getName() + "', 'ref':'" + REF
                + "', 'environment':'production', 'manualPromotion':'', 'strategy':'canary', 'canarySteps':' 10,50,100 ',"
                + " 'canaryInterval':'', 'maxErrorRate':'0.5%', 'maxP99':'', 'minRequests':''}",
                "immutableDeploy canarySteps: '10,50,100', environment: 'production', maxErrorRate: '0.5%', ref: '" + REF
                        + "', strategy: 'canary'", null);
        snippets.assertGenerateSnippet("{'stapler-class':'" + ImmutableDeployStep.class.getName() + "', 'ref':'" + REF
                + "', 'environment':'production', 'strategy':'', 'canarySteps':'', 'canaryInterval':''}",
                "immutableDeploy environment: 'production', ref: '" + REF + "'", null);

        // Scripts may give the steps as a list of numbers and 'pause'.
        ImmutableDeployStep fromScript = (ImmutableDeployStep) j.jenkins.getDescriptorByType(ImmutableDeployStep.DescriptorImpl.class)
                .newInstance(Map.of("ref", REF, "environment", "production", "strategy", "canary",
                        "canarySteps", List.of(5, 25, "pause", 100)));
        assertEquals("5,25,pause,100", fromScript.getCanarySteps());
        snippets.assertRoundTrip(fromScript, "immutableDeploy canarySteps: '5,25,pause,100', environment: 'production', ref: '" + REF
                + "', strategy: 'canary'");
    }

    @Test
    void platformAndReplicasRoundTrip(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        ImmutableDeployStep step = new ImmutableDeployStep(REF, "production");
        step.setPlatform("swarm");
        step.setReplicas(3);
        snippets.assertRoundTrip(step, "immutableDeploy environment: 'production', platform: 'swarm', ref: '" + REF + "', replicas: 3");

        // What the form submits: the platform choice and the number box; the empty choice and an empty box are not given.
        snippets.assertGenerateSnippet("{'stapler-class':'" + ImmutableDeployStep.class.getName() + "', 'ref':'" + REF
                + "', 'environment':'production', 'manualPromotion':'', 'strategy':'', 'platform':'swarm', 'replicas':'2'}",
                "immutableDeploy environment: 'production', platform: 'swarm', ref: '" + REF + "', replicas: 2", null);
        snippets.assertGenerateSnippet("{'stapler-class':'" + ImmutableDeployStep.class.getName() + "', 'ref':'" + REF
                + "', 'environment':'production', 'platform':'', 'replicas':''}",
                "immutableDeploy environment: 'production', ref: '" + REF + "'", null);

        ImmutableDeployStep.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(ImmutableDeployStep.DescriptorImpl.class);
        assertEquals(List.of("", "docker", "swarm"), descriptor.doFillPlatformItems().stream().map(o -> o.value).toList());
        assertEquals(hudson.util.FormValidation.Kind.OK, descriptor.doCheckReplicas("3").kind);
        assertEquals(hudson.util.FormValidation.Kind.OK, descriptor.doCheckReplicas("").kind);
        hudson.util.FormValidation zero = descriptor.doCheckReplicas("0");
        assertEquals(hudson.util.FormValidation.Kind.ERROR, zero.kind);
        assertTrue(zero.getMessage().contains("is not a positive whole number"), zero.getMessage());
    }

    @Test
    void buildArgsHaveADescribableForm(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        ImmutableBuildStep step = new ImmutableBuildStep("127.0.0.1:5000/team/app");
        step.setBuildArgs(List.of(new BuildArg("VERSION", "1.2"), new BuildArg("FLAVOUR", "slim")));
        snippets.assertRoundTrip(step,
                "immutableBuild buildArgs: [[name: 'VERSION', value: '1.2'], [name: 'FLAVOUR', value: 'slim']], image: '127.0.0.1:5000/team/app'");
        // The Steps Reference documents the parameter instead of printing an UnsupportedOperationException.
        assertFalse(new DescribableModel<>(ImmutableBuildStep.class).getParameter("buildArgs").getType() instanceof ErrorType);
        SnippetizerTester.assertDocGeneration(ImmutableBuildStep.class);
    }
}
