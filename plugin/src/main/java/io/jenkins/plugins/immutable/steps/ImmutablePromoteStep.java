package io.jenkins.plugins.immutable.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code immutablePromote(environment: …)}: moves traffic to the healthy colour an
 * {@code immutableDeploy(manualPromotion: true)} left waiting — typically after an {@code input} step.
 */
public final class ImmutablePromoteStep extends Step {

    private final String environment;
    private String stateDir;

    @DataBoundConstructor
    public ImmutablePromoteStep(String environment) {
        this.environment = environment;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getStateDir() {
        return stateDir;
    }

    @DataBoundSetter
    public void setStateDir(String stateDir) {
        this.stateDir = FormValues.fixEmptyAndTrim(stateDir);
    }


    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new PromoteStepExecution(this, context);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "immutablePromote";
        }

        @Override
        public String getDisplayName() {
            return "Promote the release waiting in an environment";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
        }
    }
}
