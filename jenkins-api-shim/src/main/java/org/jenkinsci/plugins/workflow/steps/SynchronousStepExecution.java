// Source: jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousStepExecution.java
package org.jenkinsci.plugins.workflow.steps;

public abstract class SynchronousStepExecution<T> extends StepExecution {

    protected SynchronousStepExecution(StepContext context) {
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
}
