package io.jenkins.plugins.immutable.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine's shape, as engine/README.md describes it: no Jenkins, a self-contained api, no package cycles. */
class EngineArchitectureTest {

    private static final String ROOT = "io.jenkins.plugins.immutable.engine";

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theEngineNeverImportsJenkins() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.stapler..", "com.cloudbees..")
                .check(engine);
    }

    @Test
    void theApiDependsOnlyOnTheJdk() {
        noClasses().that().resideInAPackage(ROOT + ".api..")
                .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".api..", "java..")
                .check(engine);
    }

    @Test
    void onlyTheDockerPackageTouchesDockerJava() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".docker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(engine);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(engine);
    }
}
