package io.jenkins.plugins.immutable.record;

import io.jenkins.plugins.immutable.agent.DriftFindingOutcome;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One drift finding kept on the build record: a plain class with final fields, which XStream restores. */
@ExportedBean(defaultVisibility = 4)
public final class RecordedDriftFinding {

    private final String kind;
    private final String colour;
    private final String container;
    private final String what;
    private final String expected;
    private final String found;

    public RecordedDriftFinding(String kind, String colour, String container, String what, String expected, String found) {
        this.kind = kind;
        this.colour = colour;
        this.container = container;
        this.what = what;
        this.expected = expected;
        this.found = found;
    }

    public static RecordedDriftFinding of(DriftFindingOutcome finding) {
        return new RecordedDriftFinding(finding.kind(), finding.colour(), finding.container(), finding.what(),
                finding.expected(), finding.found());
    }

    @Exported(visibility = 4)
    public String getKind() {
        return kind;
    }

    @Exported(visibility = 4)
    public String getColour() {
        return colour;
    }

    @Exported(visibility = 4)
    public String getContainer() {
        return container;
    }

    @Exported(visibility = 4)
    public String getWhat() {
        return what;
    }

    @Exported(visibility = 4)
    public String getExpected() {
        return expected;
    }

    @Exported(visibility = 4)
    public String getFound() {
        return found;
    }
}
