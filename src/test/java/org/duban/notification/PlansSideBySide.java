package org.duban.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.duban.ConfigCopy;

/**
 * Several plans side by side in a {@link ConfigCopy}: a second region, 张店区 ({@code zhangdian},
 * its own sender and dashboard, departments whose codes and names repeat 周村区's), with a small plan
 * {@code zhangdian-2024}; and {@code zhoucun-2024} ({@link ConfigCopy#withNextYear}), so that in
 * early 2024 zhoucun-2023 (still collecting final figures) and zhoucun-2024 run together.
 * All of the fixture is written here, so it can give way to a bundled example region.
 */
final class PlansSideBySide {

    static final String ZHANGDIAN_FROM = "duban@zhangdian.example";
    static final String ZHANGDIAN_DASHBOARD = "https://duban.zhangdian.example";

    private PlansSideBySide() {
    }

    static void write(ConfigCopy copy) {
        write(copy.configDir().resolve("regions/zhangdian.yaml"), """
                code: zhangdian
                name: 张店区
                parent: zibo
                mail:
                  from: %s
                  dashboard-url: %s
                departments:
                  - code: renshe
                    name: 区人力资源社会保障局
                    email: renshe@zhangdian.example
                    contact: 张店区人社局联络员
                  - code: shengtai
                    name: 区生态环境分局
                    email: shengtai@zhangdian.example
                    contact: 张店区生态环境分局联络员
                  - code: fagai
                    name: 区发展改革局
                    email: fagai@zhangdian.example
                    contact: 张店区发展改革局联络员
                """.formatted(ZHANGDIAN_FROM, ZHANGDIAN_DASHBOARD));
        write(copy.configDir().resolve("plans/zhangdian-2024.yaml"), """
                code: zhangdian-2024
                name: 张店区2024年重点工作任务
                year: 2024
                region: zhangdian
                published: 2024-01-15
                rules: zhangdian2024
                sections:
                  - number: 1
                    title: 民生与环境
                    tasks:
                      - number: 1
                        title: 促进居民就业
                        text: 年内新增城镇就业5000人。
                        lead: [区人力资源社会保障局]
                        co: [区发展改革局]
                        indicators:
                          - code: T01-1
                            name: 新增城镇就业
                            unit: 人
                            kind: ADDITION
                            frequency: MONTHLY
                      - number: 2
                        title: 改善河流水质
                        text: 年内消除Ⅴ类水体。
                        lead: [区生态环境分局]
                        co: []
                        indicators:
                          - code: T02-1
                            name: 猪龙河断面水质类别
                            kind: WATER_CLASS
                            frequency: MONTHLY
                """);
        write(copy.rulesDir().resolve("zhangdian2024/t01.drl"), """
                package zhangdian2024;

                import org.duban.rules.facts.Criterion;

                rule "T01-1 新增城镇就业不少于5000人"
                    @task(1) @indicator("T01-1")
                when
                then
                    insert(Criterion.of("T01-1").atLeast(5000).by("2024-12-31"));
                end
                """);
        write(copy.rulesDir().resolve("zhangdian2024/t02.drl"), """
                package zhangdian2024;

                import org.duban.rules.facts.Criterion;

                rule "T02-1 消除Ⅴ类水体（水质优于Ⅴ类）"
                    @task(2) @indicator("T02-1")
                when
                then
                    insert(Criterion.of("T02-1").betterThan("Ⅴ").by("2024-12-31"));
                end
                """);
        copy.withNextYear(); // zhoucun-2024: the 2023 plan and its rules a year on
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
