package org.duban;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

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
    void writesTheModuleDiagramsAndTheReadmeNamesEveryModule() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.C4))
                .writeIndividualModulesAsPlantUml();

        assertThat(java.nio.file.Path.of("docs/modules/components.puml")).exists();
        sortRelations(java.nio.file.Path.of("docs/modules"));
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String architecture = readme.substring(readme.indexOf("## Architecture"));
        java.util.Set<String> documented = new java.util.TreeSet<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(architecture);
        while (row.find()) {
            documented.add(row.group(1));
        }
        java.util.Set<String> modules = new java.util.TreeSet<>();
        MODULES.forEach(module -> modules.add(module.getIdentifier().toString()));
        assertThat(documented).as("modules in README's architecture table").isEqualTo(modules);
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
    void controllersLiveWithTheirFeatureAndAreNoModulesApi() {
        // petclinic's habit: a feature's controllers sit beside its services, package-private, not in a web layer
        classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().notBePublic()
                .andShould().resideOutsideOfPackage("org.duban.web..")
                .check(CLASSES);
    }

    /** The exporter lists relations in no fixed order; sorted, a diagram changes only when the modules do. */
    private static void sortRelations(java.nio.file.Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(file));
                List<Integer> at = new java.util.ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("Rel(")) {
                        at.add(i);
                    }
                }
                List<String> relations = at.stream().map(lines::get).sorted().toList();
                for (int i = 0; i < at.size(); i++) {
                    lines.set(at.get(i), relations.get(i));
                }
                java.nio.file.Files.write(file, lines);
            }
        }
    }
}
