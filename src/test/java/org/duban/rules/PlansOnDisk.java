package org.duban.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary {@code config/} and {@code rules/} with small plans of several regions side by side,
 * each naming a rules folder, and the repository's {@code rules/common/}. Every plan has the same
 * five indicators (one per kind of comparator the tests need). All YAML these tests write is here,
 * so a change of the config layout (departments per region) is one place to adapt.
 */
final class PlansOnDisk {

    private final Path root;

    PlansOnDisk() {
        try {
            root = Files.createTempDirectory("duban-plans-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reset();
    }

    Path configDir() {
        return root.resolve("config");
    }

    Path rulesDir() {
        return root.resolve("rules");
    }

    /** Empty plans and rules but for {@code rules/common/} and the department registry. */
    void reset() {
        try {
            if (Files.exists(root)) {
                try (Stream<Path> old = Files.walk(root)) {
                    old.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(configDir().resolve("plans"));
            try (Stream<Path> common = Files.list(Path.of("rules/common"))) {
                for (Path file : (Iterable<Path>) common::iterator) {
                    write("common/" + file.getFileName(), Files.readString(file));
                }
            }
            // 淄博市 and two of its districts, each with the same two departments (codes repeat across regions)
            Files.createDirectories(configDir().resolve("regions"));
            Files.writeString(configDir().resolve("regions/zibo.yaml"), "code: zibo\nname: 淄博市\ndepartments: []\n", StandardCharsets.UTF_8);
            for (String[] region : new String[][] {{"zhoucun", "周村区"}, {"wangcun", "王村区"}}) {
                Files.writeString(configDir().resolve("regions/" + region[0] + ".yaml"), """
                        code: %s
                        name: %s
                        parent: zibo
                        departments:
                          - code: fagai
                            name: 区发展改革局
                            email: fagai@example.org
                          - code: shuiwu
                            name: 区水务局
                            email: shuiwu@example.org
                        """.formatted(region[0], region[1]), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plan of {@code region} ({@code zhoucun} or {@code wangcun}, see {@link #reset()}) whose rules are {@code rules/<folder>/}. */
    void plan(String code, String region, String folder) {
        write(configDir().resolve("plans/" + code + ".yaml"), """
                code: %s
                name: %s 测试计划
                year: 2023
                region: %s
                rules: %s
                sections:
                  - number: 1
                    title: 第一部分
                    tasks:
                      - number: 1
                        title: 充电与治污
                        text: 年内新增充电桩，污水处理率年底前达到目标。
                        lead: [区发展改革局]
                        co: []
                        indicators:
                          - {code: T01-1, name: 新增新能源汽车充电桩, unit: 个, kind: ADDITION, frequency: MONTHLY}
                          - {code: T01-2, name: 污水集中处理率, unit: "%%", kind: RATE, frequency: QUARTERLY}
                      - number: 2
                        title: 场馆与就业
                        text: 建成博物馆，调查失业率控制在目标左右。
                        lead: [区发展改革局]
                        co: []
                        indicators:
                          - {code: T02-1, name: 博物馆建成, kind: MILESTONE, frequency: QUARTERLY}
                          - {code: T02-2, name: 城镇调查失业率, unit: "%%", kind: RATE, frequency: QUARTERLY}
                      - number: 3
                        title: 水质
                        text: 消除Ⅴ类水体。
                        lead: [区水务局]
                        co: []
                        indicators:
                          - {code: T03-1, name: 断面水质类别, kind: WATER_CLASS, frequency: MONTHLY}
                """.formatted(code, code, region, folder));
    }

    /** Writes a file under rules/, e.g. {@code write("tasks/t01.drl", "package tasks; …")}. */
    Path write(String underRules, String text) {
        return write(rulesDir().resolve(underRules), text);
    }

    Path write(String underRules, byte[] content) {
        Path file = rulesDir().resolve(underRules);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The DRL of the five indicators for {@code folder}, with {@code charging} new chargers (T01-1);
     * the twin of {@link CriteriaTableWriter#example()} for region zhoucun.
     */
    static String tasks(String folder, int charging) {
        return """
                package %s;

                import org.duban.rules.facts.Criterion;

                rule "T01-1 新增新能源汽车充电桩不少于%d个"
                    @task(1) @indicator("T01-1")
                when
                then
                    insert(Criterion.of("T01-1").atLeast(%d).by("2023-12-31"));
                end

                rule "T01-2 污水集中处理率年底前达到85%%"
                    @task(1) @indicator("T01-2")
                when
                then
                    insert(Criterion.of("T01-2").atLeast(85).accumulating().by("2023-12-31"));
                end

                rule "T02-1 建成博物馆"
                    @task(2) @indicator("T02-1")
                when
                then
                    insert(Criterion.of("T02-1").completed().by("2023-10-31"));
                end

                rule "T02-2 城镇调查失业率5.5%%左右"
                    @task(2) @indicator("T02-2")
                when
                then
                    insert(Criterion.of("T02-2").around(5.5, 0.5).by("2023-12-31"));
                end

                rule "T03-1 消除Ⅴ类水体"
                    @task(3) @indicator("T03-1")
                when
                then
                    insert(Criterion.of("T03-1").betterThan("Ⅴ").by("2023-12-31"));
                end
                """.formatted(folder, charging, charging);
    }
}
