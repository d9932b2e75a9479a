package io.jenkins.plugins.immutable.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import io.jenkins.plugins.immutable.record.DeploymentOutcome;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The steps as users run them, in a real Pipeline on a real Jenkins, against the real Docker daemon, registry and
 * two HAProxy routers (started by {@code scripts/services} and the engine's test fixtures): build, deploy to staging,
 * deploy to production with manual promotion, a person approves, promote; run again and the release is reused;
 * then {@code immutableRollback(toBuild: 1)} puts the first release back.
 */
@WithJenkins
class PipelineReleaseTest {

    private final TestServices services = TestServices.get();
    private final String password = "pw-" + UUID.randomUUID();
    private final String app = "app-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path root;
    HaproxyProcess staging;
    HaproxyProcess production;
    Path context;

    @BeforeEach
    void components() throws Exception {
        staging = HaproxyProcess.start(root.resolve("staging"), "app");
        production = HaproxyProcess.start(root.resolve("production"), "app");
        context = SampleApp.write(root.resolve("context"), "v1");
    }

    @AfterEach
    void stop() throws Exception {
        for (String environment : List.of("staging", "production")) {
            for (String colour : List.of("blue", "green")) {
                new ProcessBuilder("docker", "-H", services.dockerHost(), "rm", "-f", app + "-" + environment + "-" + colour)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
            }
        }
        staging.close();
        production.close();
    }

    private String releaseScript() {
        String state = root.resolve("state").toString();
        return """
                node {
                  withEnv(['DOCKER_HOST=%1$s']) {
                    def release = immutableBuild(image: '%2$s/jenkins-it/%3$s', context: '%4$s', stateDir: '%5$s',
                                                 registryCredentialsId: 'registry')
                    echo "REF=${release.ref} REUSED=${release.reused}"
                    immutableDeploy(ref: release.ref, environment: 'staging', app: '%3$s', port: 8080, healthPath: '/health',
                                    haproxySocket: '%6$s', haproxyBackend: 'app', stateDir: '%5$s')
                    def prod = immutableDeploy(ref: release.ref, environment: 'production', app: '%3$s', port: 8080,
                                               healthPath: '/health', haproxySocket: '%7$s', haproxyBackend: 'app',
                                               stateDir: '%5$s', manualPromotion: true)
                    echo "WAITING=${prod.preview?.releaseId}"
                    if (prod.preview) {   // a release already live in production leaves nothing to promote
                      input message: 'Promote to production?'
                      immutablePromote(environment: 'production', stateDir: '%5$s')
                    }
                  }
                }
                """.formatted(services.dockerHost(), services.registry(), app, context, state, staging.socket(), production.socket());
    }

    private WorkflowRun runApproving(JenkinsRule j, WorkflowJob job) throws Exception {
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Promote to production?", run);
        InputAction input = run.getAction(InputAction.class);
        assertNotNull(input);
        j.submit(j.createWebClient().getPage(run, input.getUrlName()).getFormByName(input.getExecutions().get(0).getId()), "proceed");
        return j.assertBuildStatusSuccess(j.waitForCompletion(run));
    }

    private String routerAnswer(HaproxyProcess router) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.frontendPort() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().strip();
    }

    @Test
    void buildDeployPromoteReuseAndRollBack(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "registry", "test registry", "ci", password));
        SystemCredentialsProvider.getInstance().save();
        WorkflowJob job = j.createProject(WorkflowJob.class, "shop");
        job.setDefinition(new CpsFlowDefinition(releaseScript(), true));

        WorkflowRun first = runApproving(j, job);

        j.assertLogContains("REUSED=false", first);
        j.assertLogNotContains(password, first);
        ReleaseAction record = first.getAction(ReleaseAction.class);
        assertNotNull(record);
        RecordedRelease release = record.getReleases().get(0);
        assertEquals("immutable/provenance.intoto.json", release.getProvenanceFile());
        assertTrue(first.getArtifactManager().root().child("immutable/release.json").exists());
        assertTrue(first.getArtifactManager().root().child("immutable/provenance.intoto.json").exists());
        assertEquals(List.of("staging ACTIVE", "production HEALTHY", "production ACTIVE"), record.getDeployments().stream()
                .map(d -> d.getEnvironment() + " " + d.getOutcome()).toList());
        assertEquals("v1", routerAnswer(staging));
        assertEquals("v1", routerAnswer(production));

        // The same inputs again (a replay or a rebuild): the recorded release is reused, nothing is built, and
        // deploying what is already live changes nothing, so there is nothing to promote.
        WorkflowRun second = j.buildAndAssertSuccess(job);
        j.assertLogContains("REUSED=true", second);
        j.assertLogContains("WAITING=null", second);
        j.assertLogContains("REF=" + release.getRef(), second);
        assertTrue(second.getAction(ReleaseAction.class).getReleases().get(0).isReused());

        // New inputs: a new release, live in production after approval.
        SampleApp.write(context, "v2");
        WorkflowRun third = runApproving(j, job);
        j.assertLogContains("REUSED=false", third);
        assertEquals("v2", routerAnswer(production));

        // The Releases page names the exact call that returns production to build #1's release.
        String page = j.createWebClient().goTo(job.getUrl() + "immutable-releases/").asNormalizedText();
        assertTrue(page.contains("immutableRollback(environment: 'production', toBuild: 1)"), page);

        job.setDefinition(new CpsFlowDefinition("node { withEnv(['DOCKER_HOST=" + services.dockerHost() + "']) {\n"
                + "immutableRollback(environment: 'production', toBuild: 1, stateDir: '" + root.resolve("state") + "') } }", true));
        WorkflowRun rollback = j.buildAndAssertSuccess(job);

        assertEquals("v1", routerAnswer(production));
        RecordedDeployment rolledBack = rollback.getAction(ReleaseAction.class).getDeployments().get(0);
        assertEquals(DeploymentOutcome.ROLLED_BACK, rolledBack.getOutcome());
        assertEquals(release.getReleaseId(), rolledBack.getReleaseId());
    }
}
