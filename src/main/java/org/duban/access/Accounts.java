package org.duban.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.duban.NotFound;
import org.duban.catalog.CatalogKeys;
import org.duban.catalog.Department;
import org.duban.catalog.DepartmentNotChosen;
import org.duban.catalog.PlanCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts in {@code app_user}: how Spring Security finds a user, and how accounts are made.
 */
@Service
public class Accounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final CatalogKeys keys;
    private final PlanCatalog catalog;

    Accounts(JdbcClient jdbc, CatalogKeys keys, PlanCatalog catalog) {
        this.catalog = catalog;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, roles, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .disabled(!rs.getBoolean("enabled"))
                        .authorities(authorities(rs.getString("roles")))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("无此账号: " + username));
    }

    /**
     * An account as the application sees it: its roles and, for a department account, its
     * department's code and region (department codes are unique within a region only).
     */
    public record Account(String username, String displayName, List<Role> roles, Optional<String> departmentCode, Optional<String> region) {

        public Account(String username, String displayName, List<Role> roles, Optional<Department> department) {
            this(username, displayName, roles, department.map(Department::code), department.map(Department::region));
        }

        public boolean has(Role role) {
            return roles.contains(role);
        }

        /** Whether this account may see a department's data: the office sees all, a department only itself. */
        public boolean sees(Department department) {
            return departmentCode.isEmpty() || (departmentCode.get().equals(department.code()) && region.get().equals(department.region()));
        }

        /** Whether this account may see data of a plan of {@code regionCode}: a department only its own region's. */
        public boolean seesRegion(String regionCode) {
            return region.map(regionCode::equals).orElse(true);
        }
    }

    /** The account behind a request: a person's (Basic or form login) or the one a token acts for. */
    public Account of(Authentication authentication) {
        if (authentication.getPrincipal() instanceof TokenHolder holder) {
            return holder.account();
        }
        return account(authentication.getName())
                .orElseThrow(() -> new IllegalStateException("账号不存在: " + authentication.getName()));
    }

    public Optional<Account> account(String username) {
        return jdbc.sql("""
                SELECT username, display_name, roles, department_id FROM app_user WHERE username = ?""")
                .param(username)
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("display_name"), roles(rs.getString("roles")),
                        department(rs.getObject("department_id", Long.class))))
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("""
                SELECT username, display_name, roles, department_id FROM app_user ORDER BY username""")
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("display_name"), roles(rs.getString("roles")),
                        department(rs.getObject("department_id", Long.class))))
                .list();
    }

    /**
     * The database id of a department, written {@code region/code} ({@code zhoucun/keji}), or its
     * code alone where only one region has it. Empty when there is none.
     *
     * @throws IllegalArgumentException when the code alone is ambiguous
     */
    public Optional<Long> departmentId(String reference) {
        int slash = reference.indexOf('/');
        if (slash >= 0) {
            return keys.departmentId(reference.substring(0, slash), reference.substring(slash + 1));
        }
        try {
            return catalog.department(Optional.empty(), reference).flatMap(department -> keys.departmentId(department.region(), department.code()));
        } catch (DepartmentNotChosen ambiguous) {
            // an account names its department as region/code, not with region=
            List<String> regions = ambiguous.candidates().stream().map(Department::region).toList();
            throw new IllegalArgumentException("部门编码 " + reference + " 在多个地区都有（" + String.join("、", regions)
                    + "），请写作 地区/部门，如 " + regions.get(0) + "/" + reference);
        }
    }

    private Optional<Department> department(Long id) {
        return id == null ? Optional.empty() : keys.department(id);
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    /**
     * Creates a new account; false when the name is taken, whose account stays as it was (a
     * second "create" must never quietly replace someone's password and roles).
     */
    @Transactional
    public boolean create(String username, String passwordHash, String displayName, List<Role> roles, Optional<Long> departmentId) {
        if (exists(username)) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, roles, department_id, enabled) VALUES (?, ?, ?, ?, ?, TRUE)")
                    .params(username, passwordHash, displayName, String.join(",", roles.stream().map(Role::name).toList()), departmentId.orElse(null))
                    .update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false; // created by someone else a moment ago
        }
    }

    /** Creates the account, or sets its password and roles when it exists. */
    @Transactional
    public void save(String username, String passwordHash, String displayName, List<Role> roles, Optional<Long> departmentId) {
        String roleList = String.join(",", roles.stream().map(Role::name).toList());
        int updated = jdbc.sql("UPDATE app_user SET password_hash = ?, display_name = ?, roles = ?, department_id = ? WHERE username = ?")
                .params(passwordHash, displayName, roleList, departmentId.orElse(null), username)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, roles, department_id, enabled) VALUES (?, ?, ?, ?, ?, TRUE)")
                    .params(username, passwordHash, displayName, roleList, departmentId.orElse(null))
                    .update();
        }
    }

    /** The stored hash of an account's password, to check the current one before a change. */
    public Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username).query(String.class).optional();
    }

    /** Departments an account may belong to: {@code region/code} and name (with the region's code where there are several). */
    public List<java.util.Map.Entry<String, String>> departments() {
        List<Department> all = keys.departmentsById().values().stream()
                .sorted(java.util.Comparator.comparing(Department::region).thenComparing(Department::code)).toList();
        boolean regions = all.stream().map(Department::region).distinct().count() > 1;
        return all.stream().map(d -> java.util.Map.entry(d.region() + "/" + d.code(), regions ? d.name() + "（" + d.region() + "）" : d.name())).toList();
    }

    /** User names of the accounts that may not log in. */
    public List<String> disabled() {
        return jdbc.sql("SELECT username FROM app_user WHERE enabled = FALSE ORDER BY username").query(String.class).list();
    }

    /** Sets a new password (its hash): a user changing their own, or the office resetting one. */
    @Transactional
    public boolean changePassword(String username, String passwordHash) {
        return jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(passwordHash, username).update() > 0;
    }

    /** A disabled account keeps its history (who acknowledged what) but can no longer log in. */
    @Transactional
    public boolean setEnabled(String username, boolean enabled) {
        return jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update() > 0;
    }

    /** Changes an account's roles and department, keeping its password. */
    @Transactional
    public boolean assign(String username, List<Role> roles, Optional<Long> departmentId) {
        return jdbc.sql("UPDATE app_user SET roles = ?, department_id = ? WHERE username = ?")
                .params(String.join(",", roles.stream().map(Role::name).toList()), departmentId.orElse(null), username).update() > 0;
    }

    private static List<SimpleGrantedAuthority> authorities(String roles) {
        return roles(roles).stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    private static List<Role> roles(String roles) {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(role -> !role.isEmpty()).map(Role::valueOf).toList();
    }
}
