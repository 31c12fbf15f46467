package org.duban.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.duban.catalog.PlanDefinition.IndicatorDefinition;
import org.duban.catalog.PlanDefinition.RegionDefinition;
import org.duban.catalog.PlanDefinition.SectionDefinition;
import org.duban.catalog.PlanDefinition.TaskDefinition;

/**
 * Reads {@code departments.yaml} and every {@code plans/*.yaml} of a config directory and checks
 * them, reporting each problem with file, line and field. Reading changes nothing.
 */
final class PlanFiles {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> PLAN_KEYS = Set.of("code", "name", "year", "region", "document", "published", "rules", "sections");
    private static final Set<String> SECTION_KEYS = Set.of("number", "title", "tasks");
    private static final Set<String> TASK_KEYS = Set.of("number", "title", "text", "lead", "co", "indicators", "shared");
    private static final Set<String> INDICATOR_KEYS = Set.of("code", "name", "unit", "kind", "frequency");
    private static final Set<String> DEPARTMENT_KEYS = Set.of("code", "name", "email", "contact");

    record Contents(String regionCode, List<DepartmentDefinition> departments, List<PlanDefinition> plans) {
    }

    private final Path configDir;
    private final Problems problems = new Problems();

    PlanFiles(Path configDir) {
        this.configDir = configDir;
    }

    /** Reads everything, or throws {@link CatalogException} with every problem found. */
    Contents read() {
        Path departmentsFile = configDir.resolve("departments.yaml");
        String departmentsName = display(departmentsFile);
        Optional<YamlNode> departmentsRoot = Files.exists(departmentsFile)
                ? YamlNode.parse(departmentsFile, departmentsName, problems)
                : missing(departmentsName);
        String region = departmentsRoot.map(root -> root.text("region")).orElse("");
        List<DepartmentDefinition> departments = departmentsRoot.map(this::departments).orElse(List.of());
        Set<String> departmentNames = departments.stream().map(DepartmentDefinition::name).collect(Collectors.toSet());

        List<PlanDefinition> plans = planFiles().stream()
                .map(file -> plan(file, region, departmentNames))
                .flatMap(Optional::stream)
                .toList();
        checkUnique(plans, PlanDefinition::code, "计划编码");
        problems.throwIfAny();
        return new Contents(region, departments, plans);
    }

    private List<DepartmentDefinition> departments(YamlNode root) {
        root.allowKeys(Set.of("region", "departments"));
        List<DepartmentDefinition> departments = root.uniqueItems("departments", "code", item -> {
            item.allowKeys(DEPARTMENT_KEYS);
            String code = item.text("code");
            if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                item.problem("部门编码 \"" + code + "\" 只能由字母、数字、点、横线和下划线组成");
            }
            String email = item.optionalText("email").orElse("");
            if (!email.isEmpty() && !email.contains("@")) {
                item.optionalChild("email").ifPresent(node -> node.problem("邮箱地址无效: \"" + email + "\""));
            }
            return new DepartmentDefinition(code, item.text("name"), email, item.optionalText("contact").orElse(""));
        });
        Map<String, Long> byName = departments.stream().collect(Collectors.groupingBy(DepartmentDefinition::name, Collectors.counting()));
        byName.forEach((name, count) -> {
            if (count > 1) {
                problems.add(display(configDir.resolve("departments.yaml")), 0, "departments", "部门名称重复: \"" + name + "\"");
            }
        });
        return departments;
    }

    private Optional<PlanDefinition> plan(Path file, String region, Set<String> departments) {
        String name = display(file);
        return YamlNode.parse(file, name, problems).map(root -> {
            root.allowKeys(PLAN_KEYS);
            Optional<YamlNode> regionNode = root.child("region");
            RegionDefinition regionDefinition = new RegionDefinition(
                    regionNode.map(r -> r.text("code")).orElse(""),
                    regionNode.map(r -> r.text("name")).orElse(""),
                    regionNode.flatMap(r -> r.optionalText("parent")).orElse(""));
            if (!region.isEmpty() && !regionDefinition.code().isEmpty() && !region.equals(regionDefinition.code())) {
                regionNode.flatMap(r -> r.optionalChild("code")).ifPresent(node -> node.problem(
                        "地区 \"" + regionDefinition.code() + "\" 与部门名录的地区 \"" + region + "\" 不一致"));
            }
            int year = root.integer("year");
            if (year < 2000 || year > 2100) {
                root.optionalChild("year").ifPresent(node -> node.problem("年份应在 2000 到 2100 之间"));
            }
            String code = root.text("code");
            if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                root.optionalChild("code").ifPresent(node -> node.problem("计划编码 \"" + code + "\" 只能由字母、数字、点、横线和下划线组成"));
            }
            List<SectionDefinition> sections = root.uniqueItems("sections", "number", section -> section(section, departments));
            PlanDefinition plan = new PlanDefinition(code, root.text("name"), year, regionDefinition,
                    root.optionalText("document").orElse(""), date(root, "published"), root.text("rules"),
                    name, hash(file), sections);
            checkUniqueAcrossPlan(root, plan);
            return plan;
        });
    }

    private SectionDefinition section(YamlNode node, Set<String> departments) {
        node.allowKeys(SECTION_KEYS);
        return new SectionDefinition(node.integer("number"), node.text("title"),
                node.list("tasks").stream().map(task -> task(task, departments)).toList());
    }

    private TaskDefinition task(YamlNode node, Set<String> departments) {
        node.allowKeys(TASK_KEYS);
        List<String> lead = departments(node, "lead", departments);
        List<String> co = departments(node, "co", departments);
        if (lead.isEmpty()) {
            node.optionalChild("lead").ifPresent(child -> child.problem("每项任务至少要有一个牵头（负责）部门"));
        }
        List<IndicatorDefinition> indicators = node.list("indicators").stream().map(this::indicator).toList();
        if (indicators.isEmpty()) {
            node.optionalChild("indicators").ifPresent(child -> child.problem("每项任务至少要有一个指标"));
        }
        List<PlanDefinition.SharedIndicator> shared = node.optionalList("shared").stream()
                .map(item -> new PlanDefinition.SharedIndicator(item.scalar(), item.line())).toList();
        return new TaskDefinition(node.integer("number"), node.text("title"), node.text("text"), lead, co, indicators, shared);
    }

    private List<String> departments(YamlNode task, String key, Set<String> known) {
        return task.list(key).stream().map(item -> {
            String name = item.scalar();
            if (!known.contains(name)) {
                item.problem("未知部门 \"" + name + "\"（部门须先在 config/departments.yaml 中登记）");
            }
            return name;
        }).toList();
    }

    private IndicatorDefinition indicator(YamlNode node) {
        node.allowKeys(INDICATOR_KEYS);
        String code = node.text("code");
        if (!code.isEmpty() && !CODE.matcher(code).matches()) {
            node.optionalChild("code").ifPresent(child -> child.problem("指标编码 \"" + code + "\" 只能由字母、数字、点、横线和下划线组成"));
        }
        return new IndicatorDefinition(code, node.text("name"), node.optionalText("unit").orElse(""),
                node.enumValue("kind", IndicatorKind.class, "指标类型").orElse(null),
                node.enumValue("frequency", Frequency.class, "报送频次").orElse(null),
                node.line());
    }

    private void checkUniqueAcrossPlan(YamlNode root, PlanDefinition plan) {
        Map<Integer, Long> tasks = plan.tasks().collect(Collectors.groupingBy(TaskDefinition::number, Collectors.counting()));
        tasks.forEach((number, count) -> {
            if (count > 1) {
                problems.add(plan.sourceFile(), 0, "sections", "任务序号重复: " + number);
            }
        });
        Map<String, List<IndicatorDefinition>> codes = plan.indicators().collect(Collectors.groupingBy(IndicatorDefinition::code));
        codes.forEach((code, all) -> all.stream().skip(1).forEach(duplicate ->
                problems.add(plan.sourceFile(), duplicate.line(), "indicators", "重复的指标编码 \"" + code + "\"（首次出现在第 " + all.get(0).line() + " 行）")));
        plan.tasks().forEach(task -> task.shared().forEach(shared -> {
            if (!codes.containsKey(shared.code())) {
                problems.add(plan.sourceFile(), shared.line(), "shared", "共用指标 \"" + shared.code() + "\" 不是本计划中任何任务的指标");
            } else if (task.indicators().stream().anyMatch(own -> own.code().equals(shared.code()))) {
                problems.add(plan.sourceFile(), shared.line(), "shared", "指标 \"" + shared.code() + "\" 本就属于任务 " + task.number() + "，无需共用");
            }
        }));
    }

    private <T> void checkUnique(List<T> items, Function<T, String> key, String what) {
        items.stream().collect(Collectors.groupingBy(key, Collectors.counting())).forEach((value, count) -> {
            if (count > 1) {
                problems.add(display(configDir.resolve("plans")), 0, "", what + "重复: \"" + value + "\"");
            }
        });
    }

    private LocalDate date(YamlNode root, String key) {
        return root.optionalChild(key).map(node -> {
            try {
                return LocalDate.parse(node.scalar());
            } catch (DateTimeParseException e) {
                node.problem("日期应写作 YYYY-MM-DD，实为 \"" + node.scalar() + "\"");
                return null;
            }
        }).orElse(null);
    }

    private List<Path> planFiles() {
        Path plans = configDir.resolve("plans");
        if (!Files.isDirectory(plans)) {
            problems.add(display(plans), 0, "", "找不到计划目录");
            return List.of();
        }
        try (Stream<Path> files = Files.list(plans)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<YamlNode> missing(String name) {
        problems.add(name, 0, "", "找不到文件");
        return Optional.empty();
    }

    private String display(Path path) {
        Path base = configDir.toAbsolutePath().normalize().getParent();
        Path absolute = path.toAbsolutePath().normalize();
        return (base != null && absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    private static String hash(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
