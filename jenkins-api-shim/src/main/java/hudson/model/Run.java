// Source: jenkinsci/jenkins core/src/main/java/hudson/model/Run.java (jenkins-2.479.3)
// The real class also implements AccessControlled, PersistenceRoot, DescriptorByNameOwner, OnMaster,
// StaplerProxy, HistoricalBuild, WithConsoleUrl (left out); Saveable, which PersistenceRoot extends, is named
// directly because save() is kept. compareTo is declared because Comparable<RunT> is kept.
package hudson.model;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import java.io.File;
import java.io.IOException;
import jenkins.model.ArtifactManager;
import org.kohsuke.stapler.export.ExportedBean;
import org.springframework.security.access.AccessDeniedException;

@ExportedBean
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint, Comparable<RunT>, Saveable {

    protected Run(JobT job) throws IOException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public int compareTo(RunT that) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getId() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static Run<?, ?> fromExternalizableId(String id) throws IllegalArgumentException, AccessDeniedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public void addAction(Action a) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public final long getTimeInMillis() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public final long getStartTimeInMillis() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public long getDuration() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public RunT getPreviousSuccessfulBuild() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public RunT getNextBuild() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public final ArtifactManager getArtifactManager() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public final synchronized ArtifactManager pickArtifactManager() throws IOException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public EnvVars getEnvironment(TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
