package org.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.duban.catalog.CatalogProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What compiled rules may reference is checked on the compiled classes, not on words: every way
 * out of the judging vocabulary is refused, in a consequence or in a constraint, with the
 * rule's file and the line that does it; and so are loops and recursion, which no time limit
 * can stop inside a consequence.
 */
class RuleBytecodeCheckTests {

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Object o = \"x\".getClass().getClassLoader().loadClass(\"java.lang.Runtime\");        | java.lang.Object.getClass",
            "Object o = Class.forName(\"java.lang.Runtime\");                                      | java.lang.Class.forName",
            "Object o = String.class.getMethod(\"length\").invoke(\"x\");                          | java.lang.reflect.Method.invoke",
            "String s = ProcessHandle.current().info().commandLine().orElse(\"\");               | java.lang.ProcessHandle.current",
            "String s = System.getProperty(\"duban.admin-password\");                              | java.lang.System.getProperty",
            "Integer i = Integer.getInteger(\"duban.port\");                                       | java.lang.Integer.getInteger",
            "new Thread().start();                                                                 | java.lang.Thread",
            "boolean b = new java.io.File(\"/etc/passwd\").exists();                               | java.io.File",
            "Object o = java.lang.invoke.MethodHandles.lookup();                                   | java.lang.invoke.MethodHandles.lookup",
            "Object o = new javax.script.ScriptEngineManager();                                    | javax.script.ScriptEngineManager",
            "Object o = new javax.naming.InitialContext();                                         | javax.naming.InitialContext",
            "kcontext.getKieRuntime().halt();                                                      | org.drools.core.rule.consequence.KnowledgeHelper.getKieRuntime",
            "java.util.List.of(1).stream().count();                                                | java.util.stream.Stream.count"})
    void refusesWhatLeavesTheVocabularyInAConsequence(String statement, String reported) throws IOException {
        String drl = """
                package tasks;

                rule "T99-1 越界"
                when
                then
                    int before = 1;
                    %s
                end
                """.formatted(statement);

        List<CatalogProblem> problems = compile(drl);

        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/tasks/bad.drl");
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.field()).isEqualTo("rule \"T99-1 越界\"");
            assertThat(problem.message()).startsWith("规则中不允许使用 " + reported);
        });
    }

    @Test
    void refusesReflectionInAConstraint() throws IOException {
        String drl = """
                package tasks;
                import org.duban.rules.facts.Reports;

                rule "T99-1 条件里的反射"
                when
                    Reports(indicator == "T22-1",
                            this.getClass().getClassLoader() != null)
                then
                end
                """;

        assertThat(compile(drl)).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/tasks/bad.drl");
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.message()).startsWith("规则中不允许使用 java.lang.Object.getClass");
        });
    }

    @Test
    void refusesALoopInAConsequence() throws IOException {
        String drl = """
                package tasks;

                rule "T99-1 死循环"
                when
                then
                    int i = 0;
                    while (true) { i++; }
                end
                """;

        assertThat(compile(drl)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.message()).startsWith("规则中不允许使用循环");
        });
    }

    @Test
    void refusesRecursionThroughAFunction() throws IOException {
        String drl = """
                package tasks;

                function int deeper(int n) {
                    return deeper(n + 1);
                }

                rule "T99-1 递归"
                when
                then
                    int x = deeper(1);
                end
                """;

        assertThat(compile(drl)).anySatisfy(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.field()).isEqualTo("function deeper");
            assertThat(problem.message()).startsWith("规则中不允许递归调用（deeper");
        });
    }

    @Test
    void refusesAClassOfTheRulesOwn() throws IOException {
        String drl = """
                package tasks;

                rule "T99-1 匿名类"
                when
                then
                    Object o = new Object() { public String toString() { return "x"; } };
                end
                """;

        assertThat(compile(drl)).anySatisfy(problem -> assertThat(problem.message()).startsWith("规则中不允许定义类"));
    }

    @Test
    void acceptsTheRepositorysRulesAndTheUsualDrlConstructs() throws IOException {
        String drl = """
                package common;
                import org.duban.rules.facts.Criterion;
                import org.duban.rules.facts.Report;
                import org.duban.rules.facts.Reports;
                import org.duban.rules.facts.Finding;
                import org.duban.rules.facts.Standing;
                import java.math.BigDecimal;

                function int twice(int x) {
                    return x * 2;
                }

                rule "X1 汇总"
                when
                    $c : Criterion(indicator matches "T.*")
                    not Finding(indicator == $c.indicator())
                    exists Standing()
                    $r : Reports(indicator == $c.indicator)
                    $sum : BigDecimal() from accumulate(Report($v : value) from $r.reports(), sum($v))
                then
                    java.util.List<String> names = new java.util.ArrayList<>();
                    names.add(String.format("%s %d", $c.indicator(), twice(names.size())) + $sum.setScale(1, java.math.RoundingMode.HALF_UP));
                    modify($c) { };
                end
                """;

        assertThat(compile(drl)).isEmpty();
    }

    private List<CatalogProblem> compile(String drl) throws IOException {
        Path real = Path.of("rules").toAbsolutePath();
        List<RuleSource> sources = new ArrayList<>();
        try (var files = Files.walk(real)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                sources.add(RuleSource.read(real, file));
            }
        }
        Path rulesDir = root.resolve("rules");
        Path file = rulesDir.resolve(drl.startsWith("package common") ? "common/extra.drl" : "tasks/bad.drl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, drl, StandardCharsets.UTF_8);
        sources.add(RuleSource.read(rulesDir, file));
        RuleCompiler.Result result = new RuleCompiler().compile(sources);
        assertThat(result.problems()).noneMatch(problem -> problem.message().startsWith("规则编译错误"));
        return result.problems();
    }
}
