// Source: jenkinsci/jenkins core/src/main/java/hudson/model/Job.java (jenkins-2.479.3)
// The real class also implements StaplerOverridable, ModelObjectWithChildren, HasWidgets (left out).
package hudson.model;

import hudson.ExtensionPoint;
import hudson.util.RunList;
import java.util.SortedMap;
import org.kohsuke.stapler.export.Exported;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint {

    // The real constructor is protected Job(ItemGroup parent, String name); see AbstractItem().
    Job() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public RunT getBuild(String id) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public RunT getLastSuccessfulBuild() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public RunT getLastCompletedBuild() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public RunList<RunT> getBuilds() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public SortedMap<Integer, RunT> getBuildsAsMap() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public abstract boolean isBuildable();

    protected abstract SortedMap<Integer, ? extends RunT> _getRuns();

    @Exported
    public int getNextBuildNumber() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
