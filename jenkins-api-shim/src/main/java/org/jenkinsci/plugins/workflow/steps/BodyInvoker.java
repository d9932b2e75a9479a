// Source: jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/BodyInvoker.java
// Only the type (the return type of StepContext.newBodyInvoker()); its members are needed only by a
// step that takes a block, and none of this plugin's steps does.
package org.jenkinsci.plugins.workflow.steps;

public abstract class BodyInvoker {

    // Same signature as the real class's implicit constructor.
    public BodyInvoker() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
