package io.jenkins.plugins.immutable.record;

import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The drift checks a build ran ({@code immutableDriftCheck}), kept in the build record through XStream, shown on the
 * build page ({@code summary.jelly}) and exported to {@code /api/json}. A plain class: no Java records are persisted.
 */
@ExportedBean
public class DriftAction implements RunAction2 {

    // Replaced, never changed in place: WorkflowRun.save() may serialise it while a worker thread records a check.
    private volatile List<RecordedDriftCheck> checks = new ArrayList<>();

    private transient Run<?, ?> run;

    public DriftAction() {
    }

    public synchronized void record(RecordedDriftCheck check) {
        List<RecordedDriftCheck> next = new ArrayList<>(checks);
        next.add(check);
        checks = next;
    }

    @Exported(visibility = 2)
    public synchronized List<RecordedDriftCheck> getChecks() {
        return List.copyOf(checks);
    }

    /** Whether any check of this build left drift or failed. */
    public synchronized boolean isDrifted() {
        return checks.stream().anyMatch(c -> !c.getRemaining().isEmpty() || c.getFailure() != null);
    }

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
        return null; // shown by summary.jelly on the build page
    }

    @Override
    public String getDisplayName() {
        return "Drift checks";
    }

    @Override
    public String getUrlName() {
        return "immutable-drift";
    }

    protected Object readResolve() {
        if (checks == null) {
            checks = new ArrayList<>();
        }
        return this;
    }
}
