// Source: jenkinsci/jenkins core/src/main/java/jenkins/model/GlobalConfiguration.java (jenkins-2.479.3). Declarations
// only; all() (returning ExtensionList) and getGlobalConfigPage() are left out.
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration> implements ExtensionPoint, Describable<GlobalConfiguration> {

    protected GlobalConfiguration() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
