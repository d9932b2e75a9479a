package io.jenkins.plugins.immutable.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The demo records the repository's commit as the source revision, when the repository is a git clone. */
final class GitRevision {

    private GitRevision() {
    }

    static String of(Path root) {
        try {
            Processes.Result head = Processes.run(List.of("git", "-C", root.toString(), "rev-parse", "HEAD"), root, Map.of());
            String revision = head.output().strip();
            return head.exitCode() == 0 && revision.matches("[0-9a-f]{40,64}") ? revision : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
