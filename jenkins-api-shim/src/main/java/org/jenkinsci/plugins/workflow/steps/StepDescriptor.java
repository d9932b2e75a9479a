// Source: jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
// No constructor is declared, as in the real class; the implicit one calls Descriptor(), which throws.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Map;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {

    public abstract Set<? extends Class<?>> getRequiredContext();

    public Set<? extends Class<?>> getProvidedContext() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean isMetaStep() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String argumentsToString(Map<String, Object> namedArgs) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public Step newInstance(Map<String,Object> arguments) throws Exception {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
