package org.duban.catalog;

import java.sql.Timestamp;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.DubanClock;
import org.duban.DubanSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's API: reads the plan files of {@code config/}, stores them, and answers what the
 * plan says (tasks, departments, indicators). A load stores every plan its check accepts; a problem
 * of the files themselves stores nothing.
 */
@Service
public class PlanCatalog {

    private final JdbcClient jdbc;
    private final CatalogStore store;
    private final DubanSettings settings;
    private final DubanClock clock;

    PlanCatalog(JdbcClient jdbc, CatalogStore store, DubanSettings settings, DubanClock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Reads and checks the plan files without storing them; throws {@link CatalogException}. */
    public List<PlanDefinition> read() {
        return new PlanFiles(settings.configDir()).read().plans();
    }

    /**
     * Reads, checks and stores the plan files in one transaction. {@code check} may refuse single
     * plans (the rules do, when a plan's rules do not compile or name an unknown indicator): those
     * keep their stored rows as they were, the others are stored. A problem of the files
     * themselves (YAML, departments, a duplicate code) throws {@link CatalogException} and stores
     * nothing.
     *
     * @return the plans stored
     */
    @Transactional
    public List<PlanDefinition> load(PlanCheck check) {
        PlanFiles.Contents contents = new PlanFiles(settings.configDir()).read();
        Map<String, List<CatalogProblem>> refused = check.verify(contents.plans());
        List<PlanDefinition> accepted = contents.plans().stream().filter(plan -> !refused.containsKey(plan.code())).toList();
        store.store(new PlanFiles.Contents(contents.regions(), accepted));
        return accepted;
    }

    /** A veto over single plans before they are stored. */
    @FunctionalInterface
    public interface PlanCheck {
        /**
         * @return the plans refused, by code, each with its problems; empty to store them all
         * @throws CatalogException to refuse every plan
         */
        Map<String, List<CatalogProblem>> verify(List<PlanDefinition> plans);
    }

    /** Every loaded plan: regions in order, the latest year first. */
    public List<Plan> plans() {
        return plansWhere("1 = 1");
    }

    /** The plans of one region (a department's own), in the order of {@link #plans()}. */
    public List<Plan> plansOf(String region) {
        return plansWhere("r.code = ?", region);
    }

    /**
     * Plans matching a condition, read in the database: at national scale there are thousands, and
     * a request that names one plan must not read them all.
     */
    private List<Plan> plansWhere(String condition, Object... params) {
        return jdbc.sql("""
                SELECT p.code, p.name, p.plan_year, r.code AS region_code, r.name AS region_name, p.document,
                       p.published_on, p.active_from, p.active_until, p.rules_folder, p.source_file, p.loaded_at
                FROM plan p JOIN region r ON r.id = p.region_id""" + " WHERE " + condition + " ORDER BY r.code, p.plan_year DESC, p.code")
                .params(params)
                .query((rs, n) -> {
                    int year = rs.getInt("plan_year");
                    LocalDate published = Optional.ofNullable(rs.getDate("published_on")).map(Date::toLocalDate).orElse(null);
                    return new Plan(rs.getString("code"), rs.getString("name"), year,
                            rs.getString("region_code"), rs.getString("region_name"), rs.getString("document"), published,
                            Optional.ofNullable(rs.getDate("active_from")).map(Date::toLocalDate)
                                    .orElse(PlanFiles.defaultActiveFrom(published, year)),
                            Optional.ofNullable(rs.getDate("active_until")).map(Date::toLocalDate)
                                    .orElse(PlanFiles.defaultActiveUntil(year)),
                            rs.getString("rules_folder"), rs.getString("source_file"),
                            Optional.ofNullable(rs.getTimestamp("loaded_at")).map(Timestamp::toInstant).orElse(null));
                })
                .list();
    }

    /** The plans whose jobs run on {@code day}: every one active that day. */
    public List<Plan> activePlans(LocalDate day) {
        return plans().stream().filter(plan -> plan.activeOn(day)).toList();
    }

    /** Why no plan was found: 没有计划 X, or 尚未加载任何计划 when none was named. */
    public static String missing(Optional<String> code) {
        return code.map(c -> "没有计划 " + c).orElse("尚未加载任何计划");
    }

    /** The same, for a plan looked for among one region's ({@link #plan(Optional, Optional)}). */
    public static String missing(Optional<String> code, Optional<String> region) {
        return region.map(r -> "地区 " + r + " 没有计划" + code.map(c -> " " + c).orElse("")).orElseGet(() -> missing(code));
    }

    /**
     * The plan a request means. Named, that plan (empty when there is none). Unnamed, the one plan
     * active today, or the only plan loaded; with several, none is guessed: {@link PlanNotChosen}.
     */
    public Optional<Plan> plan(Optional<String> code) {
        return plan(code, Optional.empty());
    }

    /** As {@link #plan(Optional)}, among the plans of {@code region} when one is given (a department's own). */
    public Optional<Plan> plan(Optional<String> code, Optional<String> region) {
        if (code.isPresent()) {
            return (region.isPresent() ? plansWhere("p.code = ? AND r.code = ?", code.get(), region.get()) : plansWhere("p.code = ?", code.get()))
                    .stream().findFirst();
        }
        List<Plan> plans = region.map(this::plansOf).orElseGet(this::plans);
        if (plans.size() <= 1) {
            return plans.stream().findFirst();
        }
        List<Plan> active = plans.stream().filter(plan -> plan.activeOn(clock.today())).toList();
        if (active.size() == 1) {
            return Optional.of(active.get(0));
        }
        throw new PlanNotChosen(active.isEmpty() ? plans : active);
    }

    /** The region tree of config/regions/, each region once, parents before their children. */
    public List<Region> regions() {
        return jdbc.sql("SELECT code, name, parent_code, mail_from, dashboard_url FROM region ORDER BY code")
                .query((rs, n) -> new Region(rs.getString("code"), rs.getString("name"), Optional.ofNullable(rs.getString("parent_code")),
                        Optional.ofNullable(rs.getString("mail_from")), Optional.ofNullable(rs.getString("dashboard_url"))))
                .list();
    }

    public Optional<Region> region(String code) {
        return regions().stream().filter(region -> region.code().equals(code)).findFirst();
    }

    /**
     * The plans a list request's {@code plan=} and {@code region=} cover (a region with the regions
     * below it); empty when it names neither, meaning every plan.
     *
     * @throws IllegalArgumentException naming a plan or region that does not exist
     */
    public Optional<java.util.Set<String>> planCodes(Optional<String> plan, Optional<String> region) {
        if (plan.isEmpty() && region.isEmpty()) {
            return Optional.empty();
        }
        List<Plan> plans = plans();
        plan.filter(code -> plans.stream().noneMatch(p -> p.code().equals(code))).ifPresent(code -> {
            throw new IllegalArgumentException("没有计划 " + code + "（plan）");
        });
        region.filter(code -> region(code).isEmpty()).ifPresent(code -> {
            throw new IllegalArgumentException("没有地区 " + code + "（region）");
        });
        java.util.Set<String> regions = region.map(this::regionAndBelow).orElse(null);
        return Optional.of(plans.stream().filter(p -> plan.map(p.code()::equals).orElse(true))
                .filter(p -> regions == null || regions.contains(p.regionCode())).map(Plan::code)
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** The region and every region below it (a city and its districts). */
    public java.util.Set<String> regionAndBelow(String code) {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>(List.of(code));
        List<Region> all = regions();
        boolean grew = true;
        while (grew) {
            grew = all.stream().filter(r -> r.parent().filter(codes::contains).isPresent()).map(Region::code)
                    .map(codes::add).reduce(false, Boolean::logicalOr);
        }
        return codes;
    }

    public List<Task> tasks(String planCode) {
        Map<Integer, List<Indicator>> indicators = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT i.code, i.name, i.unit, i.kind, i.frequency, t.task_no FROM indicator i
                JOIN task t ON t.id = i.task_id JOIN plan p ON p.id = i.plan_id
                WHERE p.code = ? ORDER BY t.task_no, i.position""")
                .param(planCode)
                .query((rs, n) -> new Indicator(rs.getString("code"), rs.getString("name"), rs.getString("unit"),
                        IndicatorKind.valueOf(rs.getString("kind")), Frequency.valueOf(rs.getString("frequency")), rs.getInt("task_no")))
                .list()
                .forEach(indicator -> indicators.computeIfAbsent(indicator.taskNumber(), n -> new ArrayList<>()).add(indicator));
        Map<Integer, Map<String, List<Department>>> departments = taskDepartments(planCode);
        Map<Integer, List<String>> shared = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT t.task_no, i.code FROM task_shared_indicator s JOIN task t ON t.id = s.task_id JOIN indicator i ON i.id = s.indicator_id
                JOIN plan p ON p.id = t.plan_id WHERE p.code = ? ORDER BY t.task_no, i.position""")
                .param(planCode)
                .query((rs, n) -> shared.computeIfAbsent(rs.getInt("task_no"), k -> new ArrayList<>()).add(rs.getString("code")))
                .list();
        return jdbc.sql("""
                SELECT t.task_no, s.section_no, s.title AS section_title, t.title, t.body FROM task t
                JOIN plan_section s ON s.id = t.section_id JOIN plan p ON p.id = t.plan_id
                WHERE p.code = ? ORDER BY t.task_no""")
                .param(planCode)
                .query((rs, n) -> {
                    int number = rs.getInt("task_no");
                    Map<String, List<Department>> roles = departments.getOrDefault(number, Map.of());
                    return new Task(number, rs.getInt("section_no"), rs.getString("section_title"), rs.getString("title"),
                            rs.getString("body"), roles.getOrDefault("LEAD", List.of()), roles.getOrDefault("CO", List.of()),
                            indicators.getOrDefault(number, List.of()), shared.getOrDefault(number, List.of()));
                })
                .list();
    }

    /** The lead departments that report an indicator: those of its own task and of every task sharing it, each once. */
    public static List<Department> reporters(List<Task> tasks, String indicator) {
        return tasks.stream().filter(task -> task.measuredBy(indicator)).flatMap(task -> task.leadDepartments().stream())
                .distinct().toList();
    }

    public Optional<Task> task(String planCode, int number) {
        return tasks(planCode).stream().filter(task -> task.number() == number).findFirst();
    }

    /** Every region's departments, region by region in registry order. */
    public List<Department> departments() {
        return jdbc.sql("SELECT d.code, d.name, d.email, d.contact, r.code AS region FROM department d JOIN region r ON r.id = d.region_id ORDER BY r.code, d.id")
                .query((rs, n) -> new Department(rs.getString("code"), rs.getString("name"), rs.getString("email"), rs.getString("contact"),
                        rs.getString("region")))
                .list();
    }

    /** One region's departments. */
    public List<Department> departments(String region) {
        return departments().stream().filter(department -> department.region().equals(region)).toList();
    }

    public Optional<Department> department(String region, String code) {
        return departments(region).stream().filter(department -> department.code().equals(code)).findFirst();
    }

    /**
     * A department by code, in {@code region} where one is named; else the only region that has
     * the code. Empty when there is none.
     *
     * @throws DepartmentNotChosen when several regions have the code and none is named
     */
    public Optional<Department> department(Optional<String> region, String code) {
        if (region.isPresent()) {
            return department(region.get(), code);
        }
        List<Department> matching = departments().stream().filter(department -> department.code().equals(code)).toList();
        if (matching.size() > 1) {
            throw new DepartmentNotChosen(code, matching);
        }
        return matching.stream().findFirst();
    }

    private Map<Integer, Map<String, List<Department>>> taskDepartments(String planCode) {
        record Link(int task, String role, Department department) {
        }
        Map<Integer, Map<String, List<Department>>> result = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT t.task_no, td.role, td.position, d.code, d.name, d.email, d.contact, r.code AS region FROM task_department td
                JOIN task t ON t.id = td.task_id JOIN department d ON d.id = td.department_id JOIN plan p ON p.id = t.plan_id
                JOIN region r ON r.id = d.region_id
                WHERE p.code = ? ORDER BY t.task_no, td.role, td.position""")
                .param(planCode)
                .query((rs, n) -> new Link(rs.getInt("task_no"), rs.getString("role"),
                        new Department(rs.getString("code"), rs.getString("name"), rs.getString("email"), rs.getString("contact"),
                                rs.getString("region"))))
                .list()
                .forEach(link -> result.computeIfAbsent(link.task(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(link.role(), r -> new ArrayList<>()).add(link.department()));
        return result;
    }
}
