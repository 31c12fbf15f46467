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
 * Reads every {@code regions/*.yaml} (a region and its department registry) and every
 * {@code plans/*.yaml} of a config directory and checks them, reporting each problem with file,
 * line and field. Reading changes nothing.
 */
final class PlanFiles {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> PLAN_KEYS = Set.of("code", "name", "year", "region", "document", "published", "active", "rules", "sections");
    private static final Set<String> REGION_KEYS = Set.of("code", "name", "parent", "mail", "departments");
    /**
     * A plan stays active after its year while the year's final figures come in: yearly figures
     * are final 60 days after year end (rules/common/levels.drl), and the office acts on them
     * within the following month, so until 31 March of the next year. A plan's YAML may say
     * otherwise ({@code active: until:}).
     */
    static LocalDate defaultActiveUntil(int year) {
        return LocalDate.of(year + 1, 3, 31);
    }

    /** A plan is active from its publication, or from the start of its year when none is written. */
    static LocalDate defaultActiveFrom(LocalDate published, int year) {
        return published != null ? published : LocalDate.of(year, 1, 1);
    }

    private static final Set<String> SECTION_KEYS = Set.of("number", "title", "tasks");
    private static final Set<String> TASK_KEYS = Set.of("number", "title", "text", "lead", "co", "indicators", "shared");
    private static final Set<String> INDICATOR_KEYS = Set.of("code", "name", "unit", "kind", "frequency");
    private static final Set<String> DEPARTMENT_KEYS = Set.of("code", "name", "email", "contact");

    record Contents(List<RegionFile> regions, List<PlanDefinition> plans) {
    }

    /** A region as its file describes it, with its department registry. */
    record RegionFile(String code, String name, String parent, String mailFrom, String dashboardUrl,
                      List<DepartmentDefinition> departments, String file) {
    }

    private final Path configDir;
    private final Problems problems = new Problems();

    PlanFiles(Path configDir) {
        this.configDir = configDir;
    }

    /** Reads everything, or throws {@link CatalogException} with every problem found. */
    Contents read() {
        List<RegionFile> regions = regionFiles().stream().map(this::region).flatMap(Optional::stream).toList();
        checkRegions(regions);
        Map<String, RegionFile> byCode = regions.stream().collect(Collectors.toMap(RegionFile::code, r -> r, (a, b) -> a));
        List<PlanDefinition> plans = planFiles().stream()
                .map(file -> plan(file, byCode))
                .flatMap(Optional::stream)
                .toList();
        checkUnique(plans, PlanDefinition::code, "计划编码");
        problems.throwIfAny();
        return new Contents(regions, plans);
    }

    private Optional<RegionFile> region(Path file) {
        String name = display(file);
        return YamlNode.parse(file, name, problems).map(root -> {
            root.allowKeys(REGION_KEYS);
            String code = root.text("code");
            String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                root.optionalChild("code").ifPresent(node -> node.problem("地区编码 \"" + code + "\" 只能由字母、数字、点、横线和下划线组成"));
            } else if (!code.isEmpty() && !code.equals(stem)) {
                root.optionalChild("code").ifPresent(node -> node.problem("地区编码 \"" + code + "\" 应与文件名一致（" + code + ".yaml）"));
            }
            Optional<YamlNode> mail = root.optionalChild("mail");
            mail.ifPresent(node -> node.allowKeys(Set.of("from", "dashboard-url")));
            String from = mail.flatMap(node -> node.optionalText("from")).orElse("");
            if (!from.isEmpty() && !from.contains("@")) {
                mail.flatMap(node -> node.optionalChild("from")).ifPresent(node -> node.problem("发件地址无效: \"" + from + "\""));
            }
            String dashboard = mail.flatMap(node -> node.optionalText("dashboard-url")).orElse("");
            if (!dashboard.isEmpty() && !dashboard.matches("https?://\\S+")) {
                mail.flatMap(node -> node.optionalChild("dashboard-url")).ifPresent(node -> node.problem("网址应以 http:// 或 https:// 开头: \"" + dashboard + "\""));
            }
            return new RegionFile(code, root.text("name"), root.optionalText("parent").orElse(""), from, dashboard,
                    departments(root, name), name);
        });
    }

    private void checkRegions(List<RegionFile> regions) {
        Map<String, RegionFile> byCode = regions.stream().collect(Collectors.toMap(RegionFile::code, r -> r, (a, b) -> a));
        for (RegionFile region : regions) {
            if (!region.parent().isEmpty() && !byCode.containsKey(region.parent())) {
                problems.add(region.file(), 0, "parent", "未知上级地区 \"" + region.parent() + "\"（应有 config/regions/" + region.parent() + ".yaml）");
                continue;
            }
            // a loop of parents would make the region tree endless
            Set<String> seen = new java.util.HashSet<>(Set.of(region.code()));
            for (RegionFile up = byCode.get(region.parent()); up != null; up = byCode.get(up.parent())) {
                if (!seen.add(up.code())) {
                    problems.add(region.file(), 0, "parent", "上级地区构成循环: " + String.join(" → ", seen));
                    break;
                }
            }
        }
    }

    private List<DepartmentDefinition> departments(YamlNode root, String file) {
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
                problems.add(file, 0, "departments", "部门名称重复: \"" + name + "\"");
            }
        });
        return departments;
    }

    private Optional<PlanDefinition> plan(Path file, Map<String, RegionFile> regions) {
        String name = display(file);
        return YamlNode.parse(file, name, problems).map(root -> {
            root.allowKeys(PLAN_KEYS);
            RegionFile region = root.child("region").flatMap(node -> region(node, regions)).orElse(null);
            Set<String> departments = region == null ? Set.of()
                    : region.departments().stream().map(DepartmentDefinition::name).collect(Collectors.toSet());
            RegionDefinition regionDefinition = region == null ? new RegionDefinition("", "", "")
                    : new RegionDefinition(region.code(), region.name(), region.parent());
            int year = root.integer("year");
            if (year < 2000 || year > 2100) {
                root.optionalChild("year").ifPresent(node -> node.problem("年份应在 2000 到 2100 之间"));
            }
            String code = root.text("code");
            if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                root.optionalChild("code").ifPresent(node -> node.problem("计划编码 \"" + code + "\" 只能由字母、数字、点、横线和下划线组成"));
            }
            String regionFile = region == null ? "config/regions/" : "config/regions/" + region.code() + ".yaml";
            List<SectionDefinition> sections = root.uniqueItems("sections", "number", section -> section(section, departments, regionFile));
            LocalDate published = date(root, "published");
            Optional<YamlNode> active = root.optionalChild("active");
            active.ifPresent(node -> node.allowKeys(Set.of("from", "until")));
            LocalDate from = active.map(node -> date(node, "from")).orElse(null);
            LocalDate until = active.map(node -> date(node, "until")).orElse(null);
            if (from == null) {
                from = defaultActiveFrom(published, Math.max(year, 2000));
            }
            if (until == null) {
                until = defaultActiveUntil(Math.max(year, 2000));
            }
            if (until.isBefore(from)) {
                active.flatMap(node -> node.optionalChild("until")).ifPresent(node -> node.problem("执行截止日期早于开始日期"));
            }
            PlanDefinition plan = new PlanDefinition(code, root.text("name"), year, regionDefinition,
                    root.optionalText("document").orElse(""), published, from, until, root.text("rules"),
                    name, hash(file), sections);
            checkUniqueAcrossPlan(root, plan);
            return plan;
        });
    }

    /** The plan's region: a code registered under config/regions/. */
    private Optional<RegionFile> region(YamlNode node, Map<String, RegionFile> regions) {
        if (!node.isScalar()) {
            node.problem("region 应写地区编码，如 region: zhoucun（地区的名称、上级和部门名录写在 config/regions/zhoucun.yaml）");
            return Optional.empty();
        }
        String code = node.scalar();
        RegionFile region = regions.get(code);
        if (region == null && !code.isEmpty()) {
            node.problem("未知地区 \"" + code + "\"（地区须先在 config/regions/" + code + ".yaml 中登记；已登记: "
                    + String.join(", ", regions.keySet().stream().sorted().toList()) + "）");
        }
        return Optional.ofNullable(region);
    }

    private SectionDefinition section(YamlNode node, Set<String> departments, String regionFile) {
        node.allowKeys(SECTION_KEYS);
        return new SectionDefinition(node.integer("number"), node.text("title"),
                node.list("tasks").stream().map(task -> task(task, departments, regionFile)).toList());
    }

    private TaskDefinition task(YamlNode node, Set<String> departments, String regionFile) {
        node.allowKeys(TASK_KEYS);
        List<String> lead = departments(node, "lead", departments, regionFile);
        List<String> co = departments(node, "co", departments, regionFile);
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

    private List<String> departments(YamlNode task, String key, Set<String> known, String regionFile) {
        return task.list(key).stream().map(item -> {
            String name = item.scalar();
            if (!known.contains(name)) {
                item.problem("未知部门 \"" + name + "\"（部门须先在 " + regionFile + " 中登记）");
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

    private List<Path> regionFiles() {
        Path regions = configDir.resolve("regions");
        if (!Files.isDirectory(regions)) {
            String hint = Files.exists(configDir.resolve("departments.yaml"))
                    ? "找不到地区目录；config/departments.yaml 已改为每个地区一个文件 config/regions/<地区编码>.yaml（写 code、name、departments），请移过去"
                    : "找不到地区目录（每个地区一个文件 config/regions/<地区编码>.yaml）";
            problems.add(display(regions), 0, "", hint);
            return List.of();
        }
        return yamlFiles(regions);
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
        return yamlFiles(plans);
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
