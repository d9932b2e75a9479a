package io.jenkins.plugins.immutable.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.immutable.agent.BuildSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * {@code immutableBuild(image: …)}: builds the image once, pushes it, records the release (digest, input digest,
 * provenance) on the build, and returns {@code [ref, digest, releaseId, inputDigest, reused]}. Inputs an earlier build
 * of the job already built are reused, so replaying a run gives the same image.
 */
public final class ImmutableBuildStep extends Step {

    private final String image;
    private String context = ".";
    private String dockerfile = "Dockerfile";
    private List<BuildArg> buildArgs = new ArrayList<>();
    private String target;
    private String registryCredentialsId;
    private boolean rebuild;
    private String sourceUri;
    private String sourceRevision;
    private String stateDir;
    private List<SecretBuildArg> secretBuildArgs = new ArrayList<>();
    private String signingKeyCredentialsId;

    @DataBoundConstructor
    public ImmutableBuildStep(String image) {
        this.image = image;
    }

    public String getImage() {
        return image;
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        String given = FormValues.fixEmptyAndTrim(context);
        this.context = given == null ? "." : given;
    }

    public String getDockerfile() {
        return dockerfile;
    }

    @DataBoundSetter
    public void setDockerfile(String dockerfile) {
        String given = FormValues.fixEmptyAndTrim(dockerfile);
        this.dockerfile = given == null ? "Dockerfile" : given;
    }

    public List<BuildArg> getBuildArgs() {
        return Collections.unmodifiableList(buildArgs);
    }

    /** The describable form; scripts may also pass a map, which {@link DescriptorImpl#newInstance(Map)} turns into this. */
    @DataBoundSetter
    public void setBuildArgs(List<BuildArg> buildArgs) {
        this.buildArgs = buildArgs == null ? new ArrayList<>() : new ArrayList<>(buildArgs);
    }

    /** By name; a later entry of the same name wins, as with repeated {@code --build-arg}. */
    Map<String, String> buildArgMap() {
        TreeMap<String, String> map = new TreeMap<>();
        for (BuildArg arg : buildArgs) {
            map.put(arg.getName(), arg.getValue());
        }
        return map;
    }

    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = FormValues.fixEmptyAndTrim(target);
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = FormValues.fixEmptyAndTrim(registryCredentialsId);
    }

    public boolean isRebuild() {
        return rebuild;
    }

    @DataBoundSetter
    public void setRebuild(boolean rebuild) {
        this.rebuild = rebuild;
    }

    public String getSourceUri() {
        return sourceUri;
    }

    @DataBoundSetter
    public void setSourceUri(String sourceUri) {
        this.sourceUri = FormValues.fixEmptyAndTrim(sourceUri);
    }

    public String getSourceRevision() {
        return sourceRevision;
    }

    @DataBoundSetter
    public void setSourceRevision(String sourceRevision) {
        this.sourceRevision = FormValues.fixEmptyAndTrim(sourceRevision);
    }

    public String getStateDir() {
        return stateDir;
    }

    @DataBoundSetter
    public void setStateDir(String stateDir) {
        this.stateDir = FormValues.fixEmptyAndTrim(stateDir);
    }

    public List<SecretBuildArg> getSecretBuildArgs() {
        return Collections.unmodifiableList(secretBuildArgs);
    }

    /** Build arguments whose values come from <em>Secret text</em> credentials; only the ids are kept here. */
    @DataBoundSetter
    public void setSecretBuildArgs(List<SecretBuildArg> secretBuildArgs) {
        this.secretBuildArgs = secretBuildArgs == null ? new ArrayList<>() : new ArrayList<>(secretBuildArgs);
    }

    public String getSigningKeyCredentialsId() {
        return signingKeyCredentialsId;
    }

    /** <em>Secret file</em> credentials holding the PKCS#8 EC P-256 private key that signs the provenance; only the id is kept here. */
    @DataBoundSetter
    public void setSigningKeyCredentialsId(String signingKeyCredentialsId) {
        this.signingKeyCredentialsId = FormValues.fixEmptyAndTrim(signingKeyCredentialsId);
    }

    /**
     * The request for the agent. The source defaults to what the checkout put in the environment ({@code GIT_URL},
     * {@code GIT_COMMIT}), so provenance names the commit without the script repeating it.
     */
    BuildSpec toSpec(Map<String, String> env, String builderId, String invocationId, String outputKey) {
        return BuildSpec.builder()
                .image(image)
                .context(context)
                .dockerfile(dockerfile)
                .buildArgs(buildArgMap())
                .target(target)
                .rebuild(rebuild)
                .source(SourceUris.withoutUserInfo(orElse(sourceUri, env.get("GIT_URL"))), orElse(sourceRevision, env.get("GIT_COMMIT")))
                .invocation(builderId, invocationId)
                .outputKey(outputKey)
                .build();
    }


    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new BuildStepExecution(this, context);
    }

    private static String orElse(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "immutableBuild";
        }

        @Override
        public String getDisplayName() {
            return "Build an image once and record it as an immutable release";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
        }
            /** Scripts keep the map form {@code buildArgs: [NAME: 'value']}; the model knows only the list of entries. */
        @Override
        public Step newInstance(Map<String, Object> arguments) throws Exception {
            return super.newInstance(BuildArg.scriptArguments(arguments));
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
        public ListBoxModel doFillSigningKeyCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String signingKeyCredentialsId) {
            return KeyCredentialsField.fill(item, signingKeyCredentialsId, KeyCredentialsField.SIGNING);
        }

        @POST
        public FormValidation doCheckSigningKeyCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return KeyCredentialsField.check(item, value, KeyCredentialsField.SIGNING);
        }
    }
}
