// Source: jenkinsci/jenkins core/src/main/java/jenkins/model/ArtifactManager.java (jenkins-2.479.3)
package jenkins.model;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.BuildListener;
import hudson.model.Run;
import java.io.IOException;
import java.util.Map;
import jenkins.util.VirtualFile;

public abstract class ArtifactManager {

    // Same signature as the real class's implicit constructor.
    public ArtifactManager() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public abstract void onLoad(Run<?, ?> build);

    public abstract void archive(FilePath workspace, Launcher launcher, BuildListener listener, Map<String, String> artifacts)
            throws IOException, InterruptedException;

    public abstract boolean delete() throws IOException, InterruptedException;

    public abstract VirtualFile root();
}
