package io.jenkins.plugins.immutable.build;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The plugin is glue: of the engine it may use only the public api package and the entry point. */
class ArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.immutable");

    @Test
    void pluginClassesUseOnlyTheEnginesApiAndItsEntryPoint() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackage("io.jenkins.plugins.immutable.engine..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are engine internals (outside engine.api, other than ReleaseEngines)",
                        c -> c.getPackageName().startsWith("io.jenkins.plugins.immutable.engine")
                                && !c.getPackageName().startsWith("io.jenkins.plugins.immutable.engine.api")
                                && !c.getName().equals("io.jenkins.plugins.immutable.engine.ReleaseEngines")));
        rule.check(PLUGIN);
    }

    @Test
    void pluginClassesDoNotTalkToDockerThemselves() {
        noClasses().that().resideOutsideOfPackage("io.jenkins.plugins.immutable.engine..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(PLUGIN);
    }

    @Test
    void theRecordAndTheViewsDoNotDependOnTheSteps() {
        noClasses().that().resideInAnyPackage("io.jenkins.plugins.immutable.record..", "io.jenkins.plugins.immutable.releases..",
                        "io.jenkins.plugins.immutable.agent..")
                .should().dependOnClassesThat().resideInAPackage("io.jenkins.plugins.immutable.steps..")
                .check(PLUGIN);
    }
}
