package org.duban.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;

import org.duban.CheckCommand;
import org.duban.ConfigCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code duban check}: the real rules pass with every scenario run; a broken file fails naming its file and line. */
class CheckCommandTests {

    @Test
    void passesOnTheRealRulesHavingRunEveryScenario() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CheckCommand.run(new String[] {"--rules", "rules", "--config", "config"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        int scenarios = Scenario.readAll(Path.of("rules/scenarios"), new ArrayList<>()).size();
        assertThat(scenarios).isGreaterThan(50);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("规则检查通过：错误 0 处；场景 " + scenarios + " 个，通过 " + scenarios + " 个，失败 0 个");
    }

    @Test
    void failsOnABrokenRuleNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = copy(Path.of("rules"), dir.resolve("rules"));
        Path t22 = rules.resolve("tasks/t22.drl");
        Files.writeString(t22, Files.readString(t22).replaceFirst("then", "then\n    insert(Criterion.of(\"T22-1\").atLeast(720)"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CheckCommand.run(new String[] {"--rules", rules.toString(), "--config=config"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(1);
        assertThat(printed).containsPattern("错误 rules/tasks/t22\\.drl:\\d+ ").contains("规则检查未通过");
    }

    @Test
    void runsEachPlansScenariosAgainstItsOwnRulesWithTheExampleRegionCopiedIn() {
        ConfigCopy copy = new ConfigCopy().withExample("zhangdian");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CheckCommand.run(new String[] {"--rules", copy.rulesDir().toString(), "--config", copy.configDir().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("通过 rules/scenarios/zhangdian-2023.yaml [zhangdian-2023]: 充电桩9月底新增520个")
                .contains("通过 rules/scenarios/additions.yaml [zhoucun-2023]: ");
    }

    @Test
    void failsAScenarioOfAnIndicatorNotInItsPlanAndAFileNamingNoPlan() throws IOException {
        ConfigCopy copy = new ConfigCopy().withExample("zhangdian");
        Files.writeString(copy.rulesDir().resolve("scenarios/wrong-plan.yaml"), """
                plan: zhangdian-2023
                scenarios:
                  - name: 周村区的落实率指标写进了张店区的场景
                    asOf: 2023-09-30
                    expect:
                      - {indicator: T54-3, level: NONE}
                """);
        Files.writeString(copy.rulesDir().resolve("scenarios/no-plan.yaml"), """
                scenarios:
                  - name: 没写计划
                    asOf: 2023-09-30
                    expect:
                      - {indicator: T22-1, level: NONE}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CheckCommand.run(new String[] {"--rules", copy.rulesDir().toString(), "--config", copy.configDir().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(1);
        assertThat(printed).contains("失败 rules/scenarios/wrong-plan.yaml [zhangdian-2023]: 周村区的落实率指标写进了张店区的场景\n    指标 T54-3 不在计划 zhangdian-2023 中")
                .contains("失败 rules/scenarios/no-plan.yaml: 没写计划\n    场景文件 rules/scenarios/no-plan.yaml 没有写 plan:（已加载: zhangdian-2023、zhoucun-2023）")
                .contains("失败 2 个");
    }

    @Test
    void refusesAnUnknownArgument() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(CheckCommand.run(new String[] {"--rulez", "x"}, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("用法");
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
