package io.jenkins.plugins.immutable.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.DeploySpec;
import java.util.Map;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code immutableDeploy(ref: …, environment: …)}: deploys a release by digest, blue/green, and returns the
 * environment's {@code active}/{@code previous}/{@code preview}. Optional settings are stored with the environment
 * on the agent, so later deploys, promotions and rollbacks need only its name; a parameter not given keeps them.
 */
public final class ImmutableDeployStep extends Step {

    /** Optional booleans the form submits as a three-way choice; unset keeps what the environment stores. */
    static final String[] TRI_STATE = {"manualPromotion", "readOnly", "requireSignature"};

    /** Optional whole numbers the form submits from number boxes; empty keeps what the environment stores. */
    static final String[] NUMBERS = {"port", "replicas"};

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
    private Boolean readOnly;
    private String writablePaths;
    private Boolean requireSignature;
    private String publicKey;
    private String verifyKeyCredentialsId;
    private String stateDir;
    private String registryCredentialsId;
    private String strategy;
    private String canarySteps;
    private String canaryInterval;
    private String maxErrorRate;
    private String maxP99;
    private String minRequests;
    private String platform;
    private Integer replicas;

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
        this.app = FormValues.fixEmptyAndTrim(app);
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
        this.healthPath = FormValues.fixEmptyAndTrim(healthPath);
    }

    public String getHealthTimeout() {
        return healthTimeout;
    }

    @DataBoundSetter
    public void setHealthTimeout(String healthTimeout) {
        this.healthTimeout = FormValues.fixEmptyAndTrim(healthTimeout);
    }

    public Boolean getManualPromotion() {
        return manualPromotion;
    }

    @DataBoundSetter
    public void setManualPromotion(Boolean manualPromotion) {
        this.manualPromotion = manualPromotion;
    }

    public Boolean getReadOnly() {
        return readOnly;
    }

    @DataBoundSetter
    public void setReadOnly(Boolean readOnly) {
        this.readOnly = readOnly;
    }

    public Boolean getRequireSignature() {
        return requireSignature;
    }

    /** {@code true}: this and every later deploy and rollback of the environment need signed provenance. */
    @DataBoundSetter
    public void setRequireSignature(Boolean requireSignature) {
        this.requireSignature = requireSignature;
    }

    public String getPublicKey() {
        return publicKey;
    }

    /** The EC P-256 public key signatures are checked with: PEM text, or a PEM file's path in the workspace. */
    @DataBoundSetter
    public void setPublicKey(String publicKey) {
        this.publicKey = FormValues.fixEmptyAndTrim(publicKey);
    }

    public String getVerifyKeyCredentialsId() {
        return verifyKeyCredentialsId;
    }

    /**
     * Instead of {@link #setPublicKey}: <em>Secret file</em> or <em>Secret text</em> credentials holding the public key
     * PEM, read on the controller when the step runs. Only the id is kept here.
     */
    @DataBoundSetter
    public void setVerifyKeyCredentialsId(String verifyKeyCredentialsId) {
        this.verifyKeyCredentialsId = FormValues.fixEmptyAndTrim(verifyKeyCredentialsId);
    }

    /** The two ways of giving the public key exclude each other: which one would win is not obvious from the script. */
    void checkKeyChoice() throws AbortException {
        if (publicKey != null && verifyKeyCredentialsId != null) {
            throw new AbortException("publicKey and verifyKeyCredentialsId are both given: give the public key one way");
        }
    }

    public String getWritablePaths() {
        return writablePaths;
    }

    /** Absolute paths in the container, separated by spaces or commas, such as {@code '/tmp /var/cache/app'}. */
    @DataBoundSetter
    public void setWritablePaths(String writablePaths) {
        this.writablePaths = FormValues.fixEmptyAndTrim(writablePaths);
    }

    public String getHaproxySocket() {
        return haproxySocket;
    }

    @DataBoundSetter
    public void setHaproxySocket(String haproxySocket) {
        this.haproxySocket = FormValues.fixEmptyAndTrim(haproxySocket);
    }

    public String getHaproxyBackend() {
        return haproxyBackend;
    }

    @DataBoundSetter
    public void setHaproxyBackend(String haproxyBackend) {
        this.haproxyBackend = FormValues.fixEmptyAndTrim(haproxyBackend);
    }

    public String getKeepPrevious() {
        return keepPrevious;
    }

    @DataBoundSetter
    public void setKeepPrevious(String keepPrevious) {
        this.keepPrevious = FormValues.fixEmptyAndTrim(keepPrevious);
    }

    public String getDockerHost() {
        return dockerHost;
    }

    @DataBoundSetter
    public void setDockerHost(String dockerHost) {
        this.dockerHost = FormValues.fixEmptyAndTrim(dockerHost);
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

    public String getStrategy() {
        return strategy;
    }

    /** {@code blue-green} or {@code canary}; unset keeps what the environment stores. */
    @DataBoundSetter
    public void setStrategy(String strategy) {
        this.strategy = FormValues.fixEmptyAndTrim(strategy);
    }

    public String getCanarySteps() {
        return canarySteps;
    }

    /**
     * The canary's shares in percent as text, {@code 5,25,pause,100} (the form's and the Snippet Generator's form); scripts
     * may give a list, {@code [5, 25, 'pause', 100]}, which {@link DescriptorImpl#newInstance(Map)} turns into this.
     */
    @DataBoundSetter
    public void setCanarySteps(String canarySteps) {
        this.canarySteps = FormValues.fixEmptyAndTrim(canarySteps);
    }

    public String getCanaryInterval() {
        return canaryInterval;
    }

    @DataBoundSetter
    public void setCanaryInterval(String canaryInterval) {
        this.canaryInterval = FormValues.fixEmptyAndTrim(canaryInterval);
    }

    public String getMaxErrorRate() {
        return maxErrorRate;
    }

    @DataBoundSetter
    public void setMaxErrorRate(String maxErrorRate) {
        this.maxErrorRate = FormValues.fixEmptyAndTrim(maxErrorRate);
    }

    public String getMaxP99() {
        return maxP99;
    }

    @DataBoundSetter
    public void setMaxP99(String maxP99) {
        this.maxP99 = FormValues.fixEmptyAndTrim(maxP99);
    }

    public String getMinRequests() {
        return minRequests;
    }

    @DataBoundSetter
    public void setMinRequests(String minRequests) {
        this.minRequests = FormValues.fixEmptyAndTrim(minRequests);
    }

    public String getPlatform() {
        return platform;
    }

    /** {@code docker} (one Docker host) or {@code swarm} (a Docker Swarm); unset keeps what the environment stores. */
    @DataBoundSetter
    public void setPlatform(String platform) {
        this.platform = FormValues.fixEmptyAndTrim(platform);
    }

    public Integer getReplicas() {
        return replicas;
    }

    /** Replicas per colour on a Swarm, 1 or more; unset keeps the stored count. The engine refuses it on platform docker. */
    @DataBoundSetter
    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
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
                .readOnly(readOnly)
                .writablePaths(writablePaths)
                .signaturePolicy(requireSignature, publicKey)
                .canary(strategy, canarySteps, canaryInterval, maxErrorRate, maxP99, minRequests)
                .platform(platform, replicas)
                .build();
    }


    @Override
    public StepExecution start(StepContext context) throws Exception {
        checkKeyChoice();
        return new DeployStepExecution(context, toSpec(), AgentSettings.of(stateDir, context.get(EnvVars.class)), registryCredentialsId,
                verifyKeyCredentialsId);
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
        /** The form's three-way choices: unset must not bind as {@code false} (see {@link #TRI_STATE}); nor an empty number box as 0. */
        @Override
        public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            FormValues.triStateBooleans(formData, TRI_STATE);
            FormValues.blankNumbers(formData, NUMBERS);
            return super.newInstance(req, formData);
        }

        /** Scripts may give {@code canarySteps} as a list, {@code [5, 25, 'pause', 100]}; the model knows its text form. */
        @Override
        public Step newInstance(Map<String, Object> arguments) throws Exception {
            return super.newInstance(CanaryStepsArgument.scriptArguments(arguments));
        }

        public ListBoxModel doFillManualPromotionItems() {
            return FormValues.threeWay("As the environment has it (automatic on its first deploy)",
                    "Manual: leave the new colour waiting for immutablePromote", "true",
                    "Automatic: switch traffic once healthy", "false");
        }

        public ListBoxModel doFillStrategyItems() {
            return FormValues.threeWay("As the environment has it (blue/green on its first deploy)",
                    "Blue/green: one atomic switch once healthy", "blue-green",
                    "Canary: traffic shares step by step, judged from HAProxy's counters", "canary");
        }

        public ListBoxModel doFillPlatformItems() {
            return FormValues.threeWay("As the environment has it (one Docker host on its first deploy)",
                    "Docker: one host, a container per colour", "docker",
                    "Swarm: a service per colour, its replicas spread over the nodes", "swarm");
        }

        /** The form's number box: empty keeps the stored count; otherwise a whole number, 1 or more. */
        public FormValidation doCheckReplicas(@QueryParameter String value) {
            String problem = FormValues.positiveWholeNumberProblem("replicas", value);
            return problem == null ? FormValidation.ok() : FormValidation.error(problem + " (replicas per colour on a Swarm)");
        }

        public ListBoxModel doFillReadOnlyItems() {
            return FormValues.threeWay("As the environment has it (writable on its first deploy)",
                    "Read-only root filesystem, a tmpfs at each writable path", "true",
                    "Writable root filesystem", "false");
        }

        public ListBoxModel doFillRequireSignatureItems() {
            return FormValues.threeWay("As the environment has it (not required on its first deploy)",
                    "Require provenance signed by the public key, from now on", "true",
                    "Remove the requirement", "false");
        }

        @POST
        public ListBoxModel doFillRegistryCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String registryCredentialsId) {
            return RegistryCredentialsField.fill(item, registryCredentialsId);
        }

        @POST
        public FormValidation doCheckRegistryCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return RegistryCredentialsField.check(item, value);
        }

        @POST
        public ListBoxModel doFillVerifyKeyCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String verifyKeyCredentialsId) {
            return KeyCredentialsField.fill(item, verifyKeyCredentialsId, KeyCredentialsField.VERIFY);
        }

        @POST
        public FormValidation doCheckVerifyKeyCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return KeyCredentialsField.check(item, value, KeyCredentialsField.VERIFY);
        }
    }
}
