package io.jenkins.plugins.immutable.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.DeploySpec;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code immutableDeploy(ref: …, environment: …)}: deploys a release by digest, blue/green, and returns the
 * environment's {@code active}/{@code previous}/{@code preview}. Optional settings are stored with the environment
 * on the agent, so later deploys, promotions and rollbacks need only its name; a parameter not given keeps them.
 */
public final class ImmutableDeployStep extends Step {

    private final String ref;
    private final String environment;
    private String app;
    private Integer port;
    private String healthPath;
    private String healthTimeout;
    private Boolean manualPromotion;
    private String haproxySocket;
    private String haproxyBackend;
    private String keepPrevious;
    private String dockerHost;
    private String stateDir;
    private String registryCredentialsId;

    @DataBoundConstructor
    public ImmutableDeployStep(String ref, String environment) {
        this.ref = ref;
        this.environment = environment;
    }

    public String getRef() {
        return ref;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getApp() {
        return app;
    }

    @DataBoundSetter
    public void setApp(String app) {
        this.app = app;
    }

    public Integer getPort() {
        return port;
    }

    @DataBoundSetter
    public void setPort(Integer port) {
        this.port = port;
    }

    public String getHealthPath() {
        return healthPath;
    }

    @DataBoundSetter
    public void setHealthPath(String healthPath) {
        this.healthPath = healthPath;
    }

    public String getHealthTimeout() {
        return healthTimeout;
    }

    @DataBoundSetter
    public void setHealthTimeout(String healthTimeout) {
        this.healthTimeout = healthTimeout;
    }

    public Boolean getManualPromotion() {
        return manualPromotion;
    }

    @DataBoundSetter
    public void setManualPromotion(Boolean manualPromotion) {
        this.manualPromotion = manualPromotion;
    }

    public String getHaproxySocket() {
        return haproxySocket;
    }

    @DataBoundSetter
    public void setHaproxySocket(String haproxySocket) {
        this.haproxySocket = haproxySocket;
    }

    public String getHaproxyBackend() {
        return haproxyBackend;
    }

    @DataBoundSetter
    public void setHaproxyBackend(String haproxyBackend) {
        this.haproxyBackend = haproxyBackend;
    }

    public String getKeepPrevious() {
        return keepPrevious;
    }

    @DataBoundSetter
    public void setKeepPrevious(String keepPrevious) {
        this.keepPrevious = keepPrevious;
    }

    public String getDockerHost() {
        return dockerHost;
    }

    @DataBoundSetter
    public void setDockerHost(String dockerHost) {
        this.dockerHost = dockerHost;
    }

    public String getStateDir() {
        return stateDir;
    }

    @DataBoundSetter
    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = registryCredentialsId;
    }

    DeploySpec toSpec() {
        return DeploySpec.builder(environment, ref)
                .app(app)
                .port(port)
                .health(healthPath, healthTimeout)
                .manualPromotion(manualPromotion)
                .haproxy(haproxySocket, haproxyBackend)
                .keepPrevious(keepPrevious)
                .dockerHost(dockerHost)
                .build();
    }


    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new DeployStepExecution(context, toSpec(), AgentSettings.of(stateDir, context.get(EnvVars.class)), registryCredentialsId);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "immutableDeploy";
        }

        @Override
        public String getDisplayName() {
            return "Deploy a release by digest, blue/green";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
        }
    }
}
