package org.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.duban.catalog.CatalogProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules may use only the judging vocabulary; anything else is refused with file and line. */
class RuleGuardTests {

    @TempDir
    Path rules;

    @Test
    void acceptsEveryRuleFileOfTheRepository() throws IOException {
        Path real = Path.of("rules").toAbsolutePath();
        try (var files = Files.walk(real)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                assertThat(new RuleGuard().check(RuleSource.read(real, file))).as(file.toString()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import java.io.File;",
            "import java.net.URL;",
            "import java.lang.reflect.Method;",
            "import org.kie.api.runtime.KieSession;"})
    void refusesImportsOutsideTheVocabulary(String line) throws IOException {
        List<CatalogProblem> problems = check("package tasks;\n" + line + "\nrule \"x\" when then end\n");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/tasks/bad.drl");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).startsWith("不允许引入");
        });
    }

    @Test
    void wordsInCommentsAndStringsAreHarmless() throws IOException {
        String drl = """
                package tasks;
                // System.exit would be refused in code, not in a comment
                /* java.io too */
                rule "T01-1 File 与 System 只是文字"
                when
                then
                    insert(org.duban.rules.facts.Criterion.of("Runtime").atLeast(1).by("2023-12-31"));
                end
                """;

        assertThat(check(drl)).isEmpty();
    }

    private List<CatalogProblem> check(String drl) throws IOException {
        Path rulesDir = rules.resolve("rules");
        Path file = rulesDir.resolve("tasks/bad.drl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, drl, StandardCharsets.UTF_8);
        return new RuleGuard().check(RuleSource.read(rulesDir, file));
    }
}
