package io.jenkins.plugins.immutable.engine.drift;

import io.jenkins.plugins.immutable.engine.api.DriftFinding;
import io.jenkins.plugins.immutable.engine.api.DriftFinding.Kind;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Kind#FILES_CHANGED}: the daemon's change list of each of the engine's containers, less the environment's
 * writable paths (at or below them) and the folders above them, which change whenever something is written below.
 */
final class FilesCheck implements Check {

    private static final int SHOWN = 10;

    @Override
    public List<DriftFinding> check(Target target) throws ReleaseException {
        List<DriftFinding> findings = new ArrayList<>();
        List<String> writable = target.settings().writablePaths();
        for (Target.Known known : target.known()) {
            List<String> changed = target.docker().changedPaths(known.container().id()).stream()
                    .filter(path -> !isWritable(path, writable)).sorted().toList();
            if (!changed.isEmpty()) {
                findings.add(new DriftFinding(Kind.FILES_CHANGED, known.colour(), known.container().name(),
                        changed.size() + " path(s) changed since it started",
                        writable.isEmpty() ? "no change" : "no change outside " + String.join(", ", writable),
                        Check.shortList(changed, SHOWN)));
            }
        }
        return findings;
    }

    static boolean isWritable(String path, List<String> writable) {
        for (String root : writable) {
            String base = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
            if (path.equals(base) || path.startsWith(base + "/") || base.startsWith(path.equals("/") ? "/" : path + "/")) {
                return true;
            }
        }
        return false;
    }
}
