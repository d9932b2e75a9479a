// Source: jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {

    @Deprecated
    protected StepExecution() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    protected StepExecution(StepContext context) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public void onResume() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getStatus() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
