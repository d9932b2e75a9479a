package io.jenkins.plugins.immutable.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code immutableDriftCheck(environment: …, repair: false)}: compares what runs in an environment and what HAProxy
 * does with what the engine started and set. Drift marks the build UNSTABLE; with {@code repair: true} each drifted
 * colour is replaced by a fresh container of its recorded digest, and a failed repair fails the build. The findings
 * are kept on the build page either way.
 */
public final class ImmutableDriftCheckStep extends Step {

    private final String environment;
    private boolean repair;
    private String stateDir;

    @DataBoundConstructor
    public ImmutableDriftCheckStep(String environment) {
        this.environment = environment;
    }

    public String getEnvironment() {
        return environment;
    }

    public boolean isRepair() {
        return repair;
    }

    @DataBoundSetter
    public void setRepair(boolean repair) {
        this.repair = repair;
    }

    public String getStateDir() {
        return stateDir;
    }

    @DataBoundSetter
    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new DriftCheckStepExecution(context, environment, repair,
                AgentSettings.of(stateDir, context.get(EnvVars.class)));
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "immutableDriftCheck";
        }

        @Override
        public String getDisplayName() {
            return "Check an environment for drift (and repair it by replacement)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
        }
    }
}
