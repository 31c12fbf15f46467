package org.duban.catalog;

import java.sql.Timestamp;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    PlanCatalog(JdbcClient jdbc, CatalogStore store, DubanSettings settings) {
        this.jdbc = jdbc;
        this.store = store;
        this.settings = settings;
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
        store.store(new PlanFiles.Contents(contents.regionCode(), contents.departments(), accepted));
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

    public List<Plan> plans() {
        return jdbc.sql("""
                SELECT p.code, p.name, p.plan_year, r.code AS region_code, r.name AS region_name, p.document,
                       p.published_on, p.rules_folder, p.source_file, p.loaded_at
                FROM plan p JOIN region r ON r.id = p.region_id ORDER BY p.plan_year DESC, p.code""")
                .query((rs, n) -> new Plan(rs.getString("code"), rs.getString("name"), rs.getInt("plan_year"),
                        rs.getString("region_code"), rs.getString("region_name"), rs.getString("document"),
                        Optional.ofNullable(rs.getDate("published_on")).map(Date::toLocalDate).orElse(null),
                        rs.getString("rules_folder"), rs.getString("source_file"),
                        Optional.ofNullable(rs.getTimestamp("loaded_at")).map(Timestamp::toInstant).orElse(null)))
                .list();
    }

    /** Why no plan was found: 没有计划 X, or 尚未加载任何计划 when none was named. */
    public static String missing(Optional<String> code) {
        return code.map(c -> "没有计划 " + c).orElse("尚未加载任何计划");
    }

    /** The plan a request means when it names none: the latest year's. */
    public Optional<Plan> plan(Optional<String> code) {
        return plans().stream().filter(plan -> code.map(plan.code()::equals).orElse(true)).findFirst();
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

    public List<Department> departments() {
        return jdbc.sql("SELECT code, name, email, contact FROM department ORDER BY id")
                .query((rs, n) -> new Department(rs.getString("code"), rs.getString("name"), rs.getString("email"), rs.getString("contact")))
                .list();
    }

    public Optional<Department> department(String code) {
        return departments().stream().filter(department -> department.code().equals(code)).findFirst();
    }

    private Map<Integer, Map<String, List<Department>>> taskDepartments(String planCode) {
        record Link(int task, String role, Department department) {
        }
        Map<Integer, Map<String, List<Department>>> result = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT t.task_no, td.role, td.position, d.code, d.name, d.email, d.contact FROM task_department td
                JOIN task t ON t.id = td.task_id JOIN department d ON d.id = td.department_id JOIN plan p ON p.id = t.plan_id
                WHERE p.code = ? ORDER BY t.task_no, td.role, td.position""")
                .param(planCode)
                .query((rs, n) -> new Link(rs.getInt("task_no"), rs.getString("role"),
                        new Department(rs.getString("code"), rs.getString("name"), rs.getString("email"), rs.getString("contact"))))
                .list()
                .forEach(link -> result.computeIfAbsent(link.task(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(link.role(), r -> new ArrayList<>()).add(link.department()));
        return result;
    }
}
