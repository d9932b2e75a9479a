package io.jenkins.plugins.immutable.jenkins;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A bad parameter fails the build with one message naming the parameter, and no stack trace in the log. These
 * fail before any Docker daemon is contacted, so they need none of the real components.
 */
@WithJenkins
class FailureMessagesTest {

    private static WorkflowRun failing(JenkinsRule j, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogNotContains("\tat io.jenkins.plugins.immutable", run);
        return run;
    }

    @Test
    void badBuildParametersAreNamed(JenkinsRule j) throws Exception {
        WorkflowRun run = failing(j, "node { writeFile file: 'Dockerfile', text: 'FROM scratch'\n"
                + "immutableBuild(image: '127.0.0.1:5000/Not/Valid', buildArgs: ['1X': 'y'], target: 'a b') }");
        j.assertLogContains("image: '127.0.0.1:5000/Not/Valid' is not a valid repository", run);
        j.assertLogContains("buildArgs: '1X=y' is malformed", run);
        j.assertLogContains("target: 'a b' is not a stage name", run);
    }

    @Test
    void badDeployParametersAreNamed(JenkinsRule j) throws Exception {
        WorkflowRun run = failing(j, "node { immutableDeploy(ref: '127.0.0.1:5000/team/app:latest', environment: 'staging', port: 0) }");
        j.assertLogContains("ref: '127.0.0.1:5000/team/app:latest' is a tag, not a digest reference", run);
        j.assertLogContains("port: '0' is not a port", run);
    }

    @Test
    void unknownCredentialsAreNamed(JenkinsRule j) throws Exception {
        WorkflowRun run = failing(j, "node { immutableBuild(image: '127.0.0.1:5000/team/app', registryCredentialsId: 'nope') }");
        j.assertLogContains("registryCredentialsId: no username/password credentials with id 'nope'", run);
    }

    @Test
    void aRollbackToABuildThatDoesNotExistIsNamed(JenkinsRule j) throws Exception {
        WorkflowRun run = failing(j, "node { immutableRollback(environment: 'staging', toBuild: 99) }");
        j.assertLogContains("toBuild: this job has no build #99", run);
    }
}
