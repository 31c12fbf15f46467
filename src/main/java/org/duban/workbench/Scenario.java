package org.duban.workbench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.duban.catalog.CatalogProblem;
import org.duban.collection.ObservationInput;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One rule scenario of {@code rules/scenarios/*.yaml}: given reported values and an as-of date, the
 * levels the rules must give (format in {@code rules/scenarios/README.md}).
 *
 * @param plan the plan's code, from {@code plan:} of the file or the scenario; empty when neither names one,
 *             which {@link RuleCheck#run} accepts only where exactly one plan is loaded
 */
public record Scenario(String file, String name, Optional<String> plan, LocalDate asOf, List<ObservationInput> given,
                       List<Map<String, Object>> expect) {

    /** Every scenario under {@code dir}; a file that cannot be read is a problem naming it (and its line). */
    @SuppressWarnings("unchecked")
    static List<Scenario> readAll(Path dir, List<CatalogProblem> problems) {
        List<Path> files;
        try (Stream<Path> walk = Files.isDirectory(dir) ? Files.walk(dir) : Stream.empty()) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new CatalogProblem(dir.toString(), 0, "", "无法读取场景目录: " + e.getMessage()));
            return List.of();
        }
        List<Scenario> all = new ArrayList<>();
        for (Path file : files) {
            String shown = "rules/scenarios/" + dir.relativize(file).toString().replace('\\', '/');
            try (Reader reader = Files.newBufferedReader(file)) {
                Map<String, Object> root = new Yaml().load(reader);
                Optional<String> filePlan = Optional.ofNullable(root == null ? null : root.get("plan")).map(String::valueOf);
                List<Map<String, Object>> scenarios = root == null ? null : (List<Map<String, Object>>) root.get("scenarios");
                if (scenarios == null) {
                    problems.add(new CatalogProblem(shown, 1, "scenarios", "场景文件缺少 scenarios 列表"));
                    continue;
                }
                for (Map<String, Object> s : scenarios) {
                    List<ObservationInput> given = new ArrayList<>();
                    int row = 0;
                    for (Map<String, Object> g : (List<Map<String, Object>>) s.getOrDefault("given", List.of())) {
                        row++;
                        given.add(ObservationInput.of(String.valueOf(g.get("indicator")), date(g.get("date")).toString(), g.get("value"),
                                g.get("reference"), null, "given 第 " + row + " 条"));
                    }
                    Optional<String> plan = Optional.ofNullable(s.get("plan")).map(String::valueOf).or(() -> filePlan);
                    all.add(new Scenario(shown, String.valueOf(s.get("name")), plan, date(s.get("asOf")), given,
                            (List<Map<String, Object>>) s.getOrDefault("expect", List.of())));
                }
            } catch (MarkedYAMLException e) {
                problems.add(new CatalogProblem(shown, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, "",
                        "YAML 格式错误: " + e.getProblem()));
            } catch (IOException | RuntimeException e) {
                problems.add(new CatalogProblem(shown, 0, "", "场景文件无法读取: " + e.getMessage()));
            }
        }
        return all;
    }

    /** YAML reads an unquoted 2023-09-30 as a timestamp at midnight UTC. */
    private static LocalDate date(Object value) {
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value));
    }
}
