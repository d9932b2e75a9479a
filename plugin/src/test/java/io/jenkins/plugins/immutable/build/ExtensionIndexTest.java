package io.jenkins.plugins.immutable.build;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.jenkins.plugins.immutable.releases.JobReleasesActionFactory;
import io.jenkins.plugins.immutable.steps.ImmutableBuildStep;
import io.jenkins.plugins.immutable.steps.ImmutableDeployStep;
import io.jenkins.plugins.immutable.steps.ImmutablePromoteStep;
import io.jenkins.plugins.immutable.steps.ImmutableRollbackStep;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Test;

/** Jenkins finds the plugin's extensions only through the index sezpoz writes at compile time into the classes. */
class ExtensionIndexTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void theIndexInTheMainClassesListsTheStepsTheBuildArgumentEntriesAndTheReleasesPage() throws Exception {
        assertThat(CLASSES.resolve("META-INF/annotations/hudson.Extension")).isRegularFile();
        // Only target/classes: the test classes (which index a probe of their own) must not be what makes this pass.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {CLASSES.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            List<String> indexed = new ArrayList<>();
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
                indexed.add(item.className());
            }
            assertThat(indexed).containsExactlyInAnyOrder(
                    ImmutableBuildStep.DescriptorImpl.class.getName(),
                    ImmutableDeployStep.DescriptorImpl.class.getName(),
                    ImmutablePromoteStep.DescriptorImpl.class.getName(),
                    ImmutableRollbackStep.DescriptorImpl.class.getName(),
                    io.jenkins.plugins.immutable.steps.SecretBuildArg.DescriptorImpl.class.getName(),
                    io.jenkins.plugins.immutable.steps.ImmutableDriftCheckStep.DescriptorImpl.class.getName(),
                    io.jenkins.plugins.immutable.steps.BuildArg.DescriptorImpl.class.getName(),
                    JobReleasesActionFactory.class.getName(),
                    io.jenkins.plugins.immutable.steps.LedgerConfiguration.class.getName());
        }
    }

    @Test
    void theIndexHoldsNoTestClasses() throws Exception {
        byte[] index = Files.readAllBytes(CLASSES.resolve("META-INF/annotations/hudson.Extension"));
        assertThat(new String(index, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Probe").doesNotContain("Test");
        assertThat(new File("target/classes/index.jelly")).isFile();
    }
}
