// Source: jenkinsci/jenkins core/src/main/java/jenkins/MasterToSlaveFileCallable.java (jenkins-2.479.3;
// HEAD makes it implement jenkins.agents.ControllerToAgentFileCallable instead)
package jenkins;

import hudson.FilePath.FileCallable;
import org.jenkinsci.remoting.RoleChecker;

public abstract class MasterToSlaveFileCallable<T> implements FileCallable<T> {

    // No constructor is declared, exactly as in the real class: the implicit public no-arg one is
    // left non-throwing so that the plugin's agent-side callables can be constructed in plain JUnit
    // tests and their invoke(File, VirtualChannel) run on a local folder (see README.md).

    @Override
    public void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
