package io.jenkins.plugins.immutable.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.immutable.engine.testing.HaproxyProcess;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import io.jenkins.plugins.immutable.engine.testing.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A deploy waiting on its health check holds off a safe restart, stops exactly once, and after a controller restart
 * waits for its agent to come back before deploying again (issue 11, items 2 and 3). Needs scripts/services.
 */
class DeployRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private final TestServices services = TestServices.get();
    private final String app = "app-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path root;
    HaproxyProcess router;
    Path context;

    @BeforeEach
    void components() throws Exception {
        router = HaproxyProcess.start(root.resolve("router"), "app");
        context = SampleApp.write(root.resolve("context"), "v1");
    }

    @AfterEach
    void stop() throws Exception {
        for (String colour : List.of("blue", "green")) {
            new ProcessBuilder("docker", "-H", services.dockerHost(), "rm", "-f", app + "-staging-" + colour)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        }
        router.close();
    }

    /** Build, then deploy with a health path that never answers 2xx, so the step waits for its timeout. */
    private String script(String label, String healthPath, String healthTimeout) {
        return """
                node('%1$s') {
                  withEnv(['DOCKER_HOST=%2$s']) {
                    def release = immutableBuild(image: '%3$s/jenkins-it/%4$s', context: '%5$s', stateDir: '%6$s')
                    immutableDeploy(ref: release.ref, environment: 'staging', app: '%4$s', port: 8080, healthPath: '%7$s',
                                    healthTimeout: '%8$s', haproxySocket: '%9$s', haproxyBackend: 'app', stateDir: '%6$s')
                  }
                }
                """.formatted(label, services.dockerHost(), services.registry(), app, context, root.resolve("state"), healthPath,
                healthTimeout, router.socket());
    }

    private static StepExecution running(WorkflowRun run) throws Exception {
        List<StepExecution> executions = run.getExecution().getCurrentExecutions(false).get();
        assertEquals(1, executions.size(), executions.toString());
        return executions.get(0);
    }

    @Test
    void aWaitingDeployBlocksASafeRestartAndStopsOnce() throws Throwable {
        sessions.then(j -> {
            j.createSlave("remote", "remote", null);
            WorkflowJob job = j.createProject(WorkflowJob.class, "shop");
            job.setDefinition(new CpsFlowDefinition(script("remote", "/never-healthy", "5m"), true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("[health]", run);

            assertTrue(running(run).blocksRestart(), "a deploy mid-flight must hold off a safe restart");

            run.doStop();
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
            assertTrue(run.getExecution().getCurrentExecutions(false).get().isEmpty());
        });
    }

    @Test
    void afterARestartTheDeployWaitsForItsAgentThenResumes() throws Throwable {
        String[] id = new String[1];
        sessions.then(j -> {
            DumbSlave agent = j.createSlave("remote", "remote", null);
            j.waitOnline(agent);
            WorkflowJob job = j.createProject(WorkflowJob.class, "shop");
            // A healthy app, but a timeout long enough to restart the controller while the check runs.
            job.setDefinition(new CpsFlowDefinition(script("remote", "/health", "2m"), true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("[health]", run); // the deploy is waiting on its health check
            id[0] = run.getExternalizableId();
        });
        sessions.then(j -> {
            WorkflowRun run = (WorkflowRun) hudson.model.Run.fromExternalizableId(id[0]);
            j.jenkins.getComputer("remote").disconnect(null).get();
            j.waitForMessage("Waiting for agent remote to reconnect", run);
            assertTrue(run.isBuilding());
            j.jenkins.getComputer("remote").connect(false).get();
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("Resuming after a controller restart", run);
            j.assertLogContains("agent remote is back; resuming.", run);
            assertFalse(run.getLog().contains("NullPointerException"));
        });
    }
}
