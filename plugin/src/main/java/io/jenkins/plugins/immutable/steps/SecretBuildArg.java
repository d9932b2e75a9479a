package io.jenkins.plugins.immutable.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * One entry of {@code immutableBuild(secretBuildArgs: [[name: 'NPM_TOKEN', credentialsId: 'npm-token']])}: a build
 * argument whose value is the secret of a <em>Secret text</em> credential. Only the id is kept (in the step, and so in
 * the Pipeline's saved program); the value is read on the controller for the one agent call that needs it.
 */
public final class SecretBuildArg extends AbstractDescribableImpl<SecretBuildArg> {

    private final String name;
    private final String credentialsId;

    @DataBoundConstructor
    public SecretBuildArg(String name, String credentialsId) {
        this.name = name == null ? null : name.strip();
        this.credentialsId = credentialsId == null ? null : credentialsId.strip();
    }

    public String getName() {
        return name;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public String toString() {
        return name + " from credentials " + credentialsId;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<SecretBuildArg> {

        @Override
        public String getDisplayName() {
            return "Secret build argument";
        }
    }
}
