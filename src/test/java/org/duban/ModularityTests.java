package org.duban;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape of the code: modules by feature that use each other only through their APIs and
 * have no cycles (Spring Modulith), and what Modulith cannot say (ArchUnit).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(DubanApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.duban");

    @Test
    void modulesUseEachOtherOnlyThroughTheirApisAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void onlyRulesAndAssessmentTouchTheRuleEngine() {
        noClasses().that().resideOutsideOfPackages("org.duban.rules..", "org.duban.assessment..")
                .should().dependOnClassesThat().resideInAPackage("org.kie..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackages("org.duban.rules..", "org.duban.assessment..")
                .should().dependOnClassesThat().resideInAPackage("org.drools..")
                .check(CLASSES);
    }

    @Test
    void onlyTheClockConfigurationReadsTheRealTime() {
        // LocalDate.now(), Instant.now(), …: each ignores a pinned "today" and cannot be moved by a test
        DescribedPredicate<JavaMethodCall> nowWithoutClock = DescribedPredicate.describe("now() without a Clock",
                call -> call.getName().equals("now") && call.getTarget().getRawParameterTypes().isEmpty()
                        && call.getTargetOwner().getPackageName().equals("java.time"));
        noClasses().that().doNotBelongToAnyOf(DubanClock.class)
                .should().callMethodWhere(nowWithoutClock)
                .check(CLASSES);
    }

    @Test
    void onlyTheWebModuleServesHttp() {
        // and the rule workbench's controller, the first of the controllers moving into their feature packages
        noClasses().that().resideOutsideOfPackages("org.duban.web..", "org.duban.workbench..")
                .should().beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .check(CLASSES);
    }
}
