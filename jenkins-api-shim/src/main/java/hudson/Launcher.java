// Source: jenkinsci/jenkins core/src/main/java/hudson/Launcher.java (jenkins-2.479.3)
// Its abstract launch/launchChannel/kill and everything else are left out.
package hudson;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;

public abstract class Launcher {

    protected Launcher(TaskListener listener, VirtualChannel channel) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    protected Launcher(Launcher launcher) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public TaskListener getListener() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean isUnix() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
