package io.jenkins.plugins.immutable.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.immutable.record.DeploymentOutcome;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Each change to the record reaches build.xml at once (performance-optimised durability writes it late), also when
 * worker threads record at the same time; and /api/json shows the record at the default depth.
 */
@WithJenkins
class RecordSavedTest {

    private static final String REF = "127.0.0.1:5000/team/app@sha256:" + "c".repeat(64);

    private static RecordedDeployment deployment(String environment, long time) {
        return new RecordedDeployment(environment, "deploy", "blue", REF, "rel-cccccccccccc", time, DeploymentOutcome.ACTIVE, 12L);
    }

    @Test
    void eachChangeIsOnDiskWithoutAnotherSave(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("echo 'done'", true));
        WorkflowRun run = j.buildAndAssertSuccess(job);

        BuildRecords.recordDeployments(run, List.of(deployment("staging-only-on-disk", 1_700_000_000_000L)));

        String xml = Files.readString(run.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("staging-only-on-disk"), xml);
    }

    @Test
    void concurrentWorkersAllReachTheRecordAndItReloads(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("echo 'done'", true));
        WorkflowRun run = j.buildAndAssertSuccess(job);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int worker = t;
            workers.add(new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        BuildRecords.recordDeployments(run, List.of(deployment("env-" + worker, i)));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        j.jenkins.reload();
        WorkflowRun loaded = j.jenkins.getItemByFullName("app", WorkflowJob.class).getBuildByNumber(1);
        assertEquals(200, loaded.getAction(ReleaseAction.class).getDeployments().size());
    }

    @Test
    void apiJsonShowsTheRecordAtTheDefaultDepth(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("echo 'done'", true));
        WorkflowRun run = j.buildAndAssertSuccess(job);
        BuildRecords.recordDeployments(run, List.of(deployment("production", 1_700_000_000_000L)));

        JSONObject build = j.getJSON(run.getUrl() + "api/json").getJSONObject();
        JSONObject record = null;
        for (Object action : build.getJSONArray("actions")) {
            if (action instanceof JSONObject o && o.has("deployments")) {
                record = o;
            }
        }
        assertTrue(record != null, build.toString(2));
        JSONArray deployments = record.getJSONArray("deployments");
        JSONObject d = deployments.getJSONObject(0);
        assertEquals("production", d.getString("environment"));
        assertEquals("ACTIVE", d.getString("outcome"));
        assertEquals("2023-11-14T22:13:20Z", d.getString("time"));
        assertTrue(record.has("releases"));
    }
}
