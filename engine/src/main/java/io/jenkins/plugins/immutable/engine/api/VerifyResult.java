package io.jenkins.plugins.immutable.engine.api;

import java.nio.file.Path;
import java.util.List;

/** What {@link ReleaseEngine#verify} checked, each with its outcome. */
public record VerifyResult(ImageRef ref, Path provenance, List<Check> checks) {

    public VerifyResult {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** One check: what, whether it held, and what was seen. */
    public record Check(String name, boolean passed, String detail) {
    }
}
