package io.jenkins.plugins.immutable.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.immutable.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After archiving, the build's scratch folder <workspace>@tmp/immutable-release/<key> is removed on the agent. */
class OutputCleanupTest {

    @TempDir
    Path root;

    @Test
    void removesTheBuildsOutputFolderAndNothingElse() throws Exception {
        Path workspace = Files.createDirectories(root.resolve("ws"));
        BuildSpec spec = BuildSpec.builder().image(Samples.REPO).outputKey("k-1").build();
        BuildSpec other = BuildSpec.builder().image(Samples.REPO).outputKey("k-2").build();
        Path mine = Files.createDirectories(spec.outputDir(workspace).resolve("nested"));
        Files.writeString(spec.outputDir(workspace).resolve("release.json"), "{}");
        Files.writeString(mine.resolve("x"), "x");
        Path theirs = Files.createDirectories(other.outputDir(workspace));
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");

        boolean removed = new OutputCleanup(spec).invoke(workspace.toFile(), null);

        assertThat(removed).isTrue();
        assertThat(spec.outputDir(workspace)).doesNotExist();
        assertThat(theirs).isDirectory();
        assertThat(workspace.resolve("Dockerfile")).exists();
    }

    @Test
    void aFolderAlreadyGoneIsFine() throws Exception {
        Path workspace = Files.createDirectories(root.resolve("ws"));
        BuildSpec spec = BuildSpec.builder().image(Samples.REPO).outputKey("k-1").build();
        assertThat(new OutputCleanup(spec).invoke(workspace.toFile(), null)).isFalse();
    }
}
