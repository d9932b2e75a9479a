package io.jenkins.plugins.immutable.record;

import hudson.model.Run;
import io.jenkins.plugins.immutable.agent.BuildOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The releases a build made or reused and the deployments it performed, kept in the build record ({@code build.xml},
 * through XStream) and exported to {@code /api/json}. The job's earlier builds' actions are where the plugin looks
 * for a release to reuse and where the Releases page reads the history.
 */
@ExportedBean
public class ReleaseAction implements RunAction2 {

    /** Where the first release's files go among the build's artifacts; further ones get a folder of their own. */
    public static final String ARTIFACT_FOLDER = "immutable/";

    // Copy on write: a change publishes a new list and never touches one already published, because Jenkins' XStream
    // reads these fields to write build.xml from whatever thread saves the build, without taking our lock.
    private volatile List<RecordedRelease> releases = new ArrayList<>();
    private volatile List<RecordedDeployment> deployments = new ArrayList<>();

    private transient Run<?, ?> run;

    /** Counts changes to any build's record, so views computed from records know when to compute again. */
    private static final AtomicLong CHANGES = new AtomicLong();

    public ReleaseAction() {
    }

    /**
     * Records a release and chooses where its two files go among the artifacts.
     *
     * @return the new record, whose {@code releaseFile}/{@code provenanceFile} say where to archive; {@code null} when
     *         this build already recorded that release (its files are archived already)
     */
    public synchronized RecordedRelease recordRelease(BuildOutcome outcome, long nowMillis) {
        for (RecordedRelease known : releases) {
            if (known.getReleaseId().equals(outcome.releaseId())) {
                return null;
            }
        }
        String prefix = releases.isEmpty() ? ARTIFACT_FOLDER : ARTIFACT_FOLDER + outcome.releaseId() + "/";
        RecordedRelease recorded = RecordedRelease.of(outcome, prefix, nowMillis);
        List<RecordedRelease> next = new ArrayList<>(releases);
        next.add(recorded);
        releases = next;
        CHANGES.incrementAndGet();
        return recorded;
    }

    public synchronized void recordDeployments(List<RecordedDeployment> recorded) {
        List<RecordedDeployment> next = new ArrayList<>(deployments);
        next.addAll(recorded);
        deployments = next;
        CHANGES.incrementAndGet();
    }

    /** A number that grows whenever any build's record changes. */
    public static long changeCount() {
        return CHANGES.get();
    }

    // visibility 2: a build action's properties appear in /api/json at the default depth (as core's CauseAction's)
    @Exported(visibility = 2)
    public List<RecordedRelease> getReleases() {
        return List.copyOf(releases);
    }

    @Exported(visibility = 2)
    public List<RecordedDeployment> getDeployments() {
        return List.copyOf(deployments);
    }

    /**
     * Where the Jelly views may link a release's builder: {@code null} for text only (see {@link BuilderLinks}).
     *
     * @param contextPath Jelly's {@code rootURL}
     */
    public String builderHref(String builderId, String contextPath) {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        return BuilderLinks.href(builderId, jenkins == null ? null : jenkins.getRootUrl(), contextPath);
    }

    /** The build this record belongs to; {@code null} until Jenkins attaches or loads it. */
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return null; // shown by summary.jelly on the build page, not in the side panel
    }

    @Override
    public String getDisplayName() {
        return "Immutable releases";
    }

    @Override
    public String getUrlName() {
        return "immutable-release";
    }

    /** A record written before a list existed restores that list as {@code null}; make it empty. */
    protected Object readResolve() {
        if (releases == null) {
            releases = new ArrayList<>();
        }
        if (deployments == null) {
            deployments = new ArrayList<>();
        }
        return this;
    }
}
