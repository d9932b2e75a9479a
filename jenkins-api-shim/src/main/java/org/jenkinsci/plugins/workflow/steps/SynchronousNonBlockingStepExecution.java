// Source: jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java
package org.jenkinsci.plugins.workflow.steps;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context); // as in the real class; StepExecution(StepContext) throws first
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public String getStatus() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public boolean blocksRestart() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
