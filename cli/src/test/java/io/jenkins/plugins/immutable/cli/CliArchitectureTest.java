package io.jenkins.plugins.immutable.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The command is a client of the engine's public surface only, so the engine can change its insides freely: the
 * {@code api} package, {@code ReleaseEngines}, and {@code HaproxyConfig} for the demo's own router.
 */
class CliArchitectureTest {

    private final JavaClasses cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.immutable.cli");

    @Test
    void usesOnlyTheEnginesPublicSurface() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.immutable.cli..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "engine classes outside api, ReleaseEngines, HaproxyConfig and RouterConfig (haproxy.cfg text)",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("io.jenkins.plugins.immutable.engine")
                                && !c.getPackageName().equals("io.jenkins.plugins.immutable.engine.api")
                                && !c.getName().equals("io.jenkins.plugins.immutable.engine.ReleaseEngines")
                                && !c.getName().equals("io.jenkins.plugins.immutable.engine.router.HaproxyConfig")
                                && !c.getName().equals("io.jenkins.plugins.immutable.engine.router.RouterConfig")))
                .check(cli);
    }

    @Test
    void neverTouchesDockerJavaDirectly() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.immutable.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..")
                .check(cli);
    }
}
