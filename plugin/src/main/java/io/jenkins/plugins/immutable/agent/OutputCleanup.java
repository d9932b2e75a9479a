package io.jenkins.plugins.immutable.agent;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jenkins.MasterToSlaveFileCallable;

/**
 * Removes a build's scratch folder ({@code <workspace>@tmp/immutable-release/<key>}) on the agent once its files are
 * archived (or the build failed): the artifacts are the copy that counts, and these folders would pile up.
 */
public final class OutputCleanup extends MasterToSlaveFileCallable<Boolean> {

    private static final long serialVersionUID = 1L;

    private final BuildSpec spec;

    public OutputCleanup(BuildSpec spec) {
        this.spec = spec;
    }

    /** @return whether there was a folder to remove */
    @Override
    public Boolean invoke(File workspace, VirtualChannel channel) throws IOException {
        Path dir = spec.outputDir(workspace.toPath());
        if (!Files.isDirectory(dir)) {
            return false;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
        return true;
    }
}
