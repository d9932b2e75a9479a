package io.jenkins.plugins.immutable.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jenkins.plugins.immutable.record.DeploymentOutcome;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The record is written to build.xml by Jenkins' own XStream and read back when Jenkins loads the build again. */
@WithJenkins
class ReleaseRecordPersistenceTest {

    @Test
    void theRecordSurvivesAReload(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("echo 'built elsewhere'", true));
        WorkflowRun run = j.buildAndAssertSuccess(job);
        ReleaseAction action = new ReleaseAction();
        String ref = "127.0.0.1:5000/team/app@sha256:" + "b".repeat(64);
        action.recordDeployments(List.of(new RecordedDeployment("production", "rollback", "green", ref, "rel-bbbbbbbbbbbb",
                1_700_000_000_000L, DeploymentOutcome.ROLLED_BACK, 87L)));
        run.addAction(action);
        run.save();

        j.jenkins.reload();

        WorkflowRun loaded = j.jenkins.getItemByFullName("app", WorkflowJob.class).getBuildByNumber(1);
        ReleaseAction restored = loaded.getAction(ReleaseAction.class);
        assertNotNull(restored);
        assertSame(loaded, restored.getRun());
        RecordedDeployment d = restored.getDeployments().get(0);
        assertEquals("production", d.getEnvironment());
        assertEquals(DeploymentOutcome.ROLLED_BACK, d.getOutcome());
        assertEquals(87L, d.getSwitchMillis());
        assertEquals(ref, d.getRef());
    }
}
