package io.jenkins.plugins.immutable.record;

import hudson.AbortException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code immutableRollback}'s target: {@code toBuild: 41} means the release build #41 of this job recorded;
 * {@code toRelease}/{@code toDigest} go to the engine as given (it checks them).
 */
public final class RollbackTargets {

    /** What the engine is asked to put back; both {@code null}: the release active before the current one. */
    public record Target(String releaseId, String digest) {
        public boolean explicit() {
            return releaseId != null || digest != null;
        }
    }

    /** The releases a build of this job recorded; empty when the job has no such build. */
    @FunctionalInterface
    public interface BuildLookup {
        Optional<List<RecordedRelease>> releasesOf(int buildNumber);
    }

    private RollbackTargets() {
    }

    public static Target resolve(Integer toBuild, String toRelease, String toDigest, BuildLookup lookup) throws AbortException {
        String release = blankToNull(toRelease);
        String digest = blankToNull(toDigest);
        if (toBuild == null) {
            return new Target(release, digest);
        }
        if (digest != null) {
            throw new AbortException("toDigest: give toBuild or toDigest, not both");
        }
        if (toBuild < 1) {
            throw new AbortException("toBuild: " + toBuild + " is not a build number: expected the number of a build of this job, such as 41");
        }
        List<RecordedRelease> recorded = lookup.releasesOf(toBuild).orElseThrow(() -> new AbortException("toBuild: this job has no build #"
                + toBuild + " (it may have been discarded): give toRelease: or toDigest: of the release instead"));
        Set<String> ids = new LinkedHashSet<>();
        recorded.forEach(r -> ids.add(r.getReleaseId()));
        if (ids.isEmpty()) {
            throw new AbortException("toBuild: build #" + toBuild + " recorded no release (it ran no immutableBuild): choose a build that did");
        }
        if (release != null) {
            if (!ids.contains(release)) {
                throw new AbortException("toRelease: '" + release + "' is not a release build #" + toBuild + " recorded: it recorded "
                        + String.join(", ", ids));
            }
            return new Target(release, null);
        }
        if (ids.size() > 1) {
            throw new AbortException("toBuild: build #" + toBuild + " recorded " + ids.size() + " releases (" + String.join(", ", ids)
                    + "): say which with toRelease: instead, such as toRelease: '" + ids.iterator().next() + "'");
        }
        return new Target(ids.iterator().next(), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
