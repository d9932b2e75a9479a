package io.jenkins.plugins.immutable.engine.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package's dependency list (see {@code package-info.java}), kept true. */
class LedgerDependenciesTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.immutable.engine");

    @Test
    void theLedgerUsesOnlyTheApiJacksonAndTheJdk() {
        classes().that().resideInAPackage("..engine.ledger..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..engine.api..", "..engine.ledger..",
                        "com.fasterxml.jackson..")
                .check(ENGINE);
    }

    @Test
    void theApiStaysFreeOfJacksonAndOfTheLedger() {
        noClasses().that().resideInAPackage("..engine.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "..engine.ledger..")
                .check(ENGINE);
    }
}
