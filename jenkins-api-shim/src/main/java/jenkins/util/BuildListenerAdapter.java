// Source: jenkinsci/jenkins core/src/main/java/jenkins/util/BuildListenerAdapter.java (jenkins-2.479.3)
package jenkins.util;

import hudson.model.BuildListener;
import hudson.model.TaskListener;
import java.io.PrintStream;

public final class BuildListenerAdapter implements BuildListener {

    public BuildListenerAdapter(TaskListener delegate) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public PrintStream getLogger() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static BuildListener wrap(TaskListener l) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
