// Source: jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {

    // No constructor is declared, exactly as in the real class: the implicit public no-arg one is
    // left non-throwing so that the plugin's steps can be constructed in plain JUnit tests.

    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
