package org.duban.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The database keys of the catalog's rows, for modules whose own tables refer to plans, tasks,
 * indicators and departments (an observation's indicator, a warning's task, an account's department).
 * Only the catalog reads its tables; other modules translate between codes and keys here.
 */
@Service
public class CatalogKeys {

    /** Where an indicator key points: its plan, its own task and its code. */
    public record IndicatorKey(long id, String plan, int task, String code) {
    }

    private final JdbcClient jdbc;

    CatalogKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> planId(String planCode) {
        return jdbc.sql("SELECT id FROM plan WHERE code = ?").param(planCode).query(Long.class).optional();
    }

    public Map<Long, String> planCodes() {
        Map<Long, String> codes = new HashMap<>();
        jdbc.sql("SELECT id, code FROM plan").query((rs, n) -> codes.put(rs.getLong("id"), rs.getString("code"))).list();
        return codes;
    }

    /** The plan's tasks by number. */
    public Map<Integer, Long> taskIds(String planCode) {
        Map<Integer, Long> ids = new HashMap<>();
        jdbc.sql("SELECT t.task_no, t.id FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.code = ?").param(planCode)
                .query((rs, n) -> ids.put(rs.getInt("task_no"), rs.getLong("id"))).list();
        return ids;
    }

    /** The plan's indicators by code. */
    public Map<String, IndicatorKey> indicators(String planCode) {
        Map<String, IndicatorKey> keys = new HashMap<>();
        indicatorKeys("WHERE p.code = ?", List.of(planCode)).forEach(key -> keys.put(key.code(), key));
        return keys;
    }

    /** Every plan's indicators by key. */
    public Map<Long, IndicatorKey> indicatorsById() {
        Map<Long, IndicatorKey> keys = new HashMap<>();
        indicatorKeys("", List.of()).forEach(key -> keys.put(key.id(), key));
        return keys;
    }

    /** A department's key by its region and code (codes are unique within a region only). */
    public Optional<Long> departmentId(String region, String code) {
        return jdbc.sql("SELECT d.id FROM department d JOIN region r ON r.id = d.region_id WHERE r.code = ? AND d.code = ?")
                .params(region, code).query(Long.class).optional();
    }

    /** One department by key. */
    public Optional<Department> department(long id) {
        return jdbc.sql(DEPARTMENTS + " WHERE d.id = ?").param(id).query((rs, n) -> department(rs)).optional();
    }

    /** Every department by key. */
    public Map<Long, Department> departmentsById() {
        Map<Long, Department> departments = new HashMap<>();
        jdbc.sql(DEPARTMENTS).query((rs, n) -> departments.put(rs.getLong("id"), department(rs))).list();
        return departments;
    }

    private static final String DEPARTMENTS = "SELECT d.id, d.code, d.name, d.email, d.contact, r.code AS region FROM department d JOIN region r ON r.id = d.region_id";

    private static Department department(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Department(rs.getString("code"), rs.getString("name"), rs.getString("email"), rs.getString("contact"), rs.getString("region"));
    }

    private List<IndicatorKey> indicatorKeys(String where, List<Object> params) {
        return jdbc.sql("""
                SELECT i.id, p.code AS plan_code, t.task_no, i.code FROM indicator i JOIN plan p ON p.id = i.plan_id
                JOIN task t ON t.id = i.task_id""" + " " + where).params(params)
                .query((rs, n) -> new IndicatorKey(rs.getLong("id"), rs.getString("plan_code"), rs.getInt("task_no"), rs.getString("code")))
                .list();
    }
}
