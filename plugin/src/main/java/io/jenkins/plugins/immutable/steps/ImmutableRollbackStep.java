package io.jenkins.plugins.immutable.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code immutableRollback(environment: …)}: puts an earlier release back — the one active before the current one,
 * or the one named by {@code toBuild} (the release that build of this job recorded), {@code toRelease} or
 * {@code toDigest}. With a preview waiting for promotion and no target, it discards the preview instead.
 */
public final class ImmutableRollbackStep extends Step {

    private final String environment;
    private Integer toBuild;
    private String toRelease;
    private String toDigest;
    private String stateDir;
    private String registryCredentialsId;

    @DataBoundConstructor
    public ImmutableRollbackStep(String environment) {
        this.environment = environment;
    }

    public String getEnvironment() {
        return environment;
    }

    public Integer getToBuild() {
        return toBuild;
    }

    @DataBoundSetter
    public void setToBuild(Integer toBuild) {
        this.toBuild = toBuild;
    }

    public String getToRelease() {
        return toRelease;
    }

    @DataBoundSetter
    public void setToRelease(String toRelease) {
        this.toRelease = FormValues.fixEmptyAndTrim(toRelease);
    }

    public String getToDigest() {
        return toDigest;
    }

    @DataBoundSetter
    public void setToDigest(String toDigest) {
        this.toDigest = FormValues.fixEmptyAndTrim(toDigest);
    }

    public String getStateDir() {
        return stateDir;
    }

    @DataBoundSetter
    public void setStateDir(String stateDir) {
        this.stateDir = FormValues.fixEmptyAndTrim(stateDir);
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = FormValues.fixEmptyAndTrim(registryCredentialsId);
    }


    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RollbackStepExecution(context, this, AgentSettings.of(stateDir, context.get(EnvVars.class)));
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "immutableRollback";
        }

        @Override
        public String getDisplayName() {
            return "Roll an environment back to an earlier release";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
        }
            @POST
        public ListBoxModel doFillRegistryCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String registryCredentialsId) {
            return RegistryCredentialsField.fill(item, registryCredentialsId);
        }

        @POST
        public FormValidation doCheckRegistryCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return RegistryCredentialsField.check(item, value);
        }
    }
}
