package org.duban.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.access.Accounts.Account;
import org.duban.catalog.CatalogKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tokens for scripts and other systems. The secret is 256 random bits, so a fast hash (SHA-256)
 * is as safe to store as bcrypt would be, and checking it costs microseconds per request
 * instead of bcrypt's ~50 ms. A token acts as the account it was made for, or as a department:
 * then it sees and submits only that department's data, as a department account does.
 */
@Service
public class ApiTokens {

    private static final String PREFIX = "dbt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as listed: never with its secret. */
    public record Token(long id, String name, String username, String department, String createdBy, Instant createdAt,
                        String revokedBy, Instant revokedAt) {
    }

    /** A token just made: the secret is shown this once. */
    public record Issued(Token token, String secret) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final CatalogKeys keys;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, CatalogKeys keys, Clock clock) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A token acting as an account ({@code username}) or as a department ({@code department} code); exactly one is given. */
    public Issued issue(String name, Optional<String> username, Optional<String> department, String by) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("令牌名称（name）应为 1 到 100 字");
        }
        if (username.isPresent() == department.isPresent()) {
            throw new IllegalArgumentException("须指定令牌代表的账号（username）或部门（department），二者选一");
        }
        Long departmentId = null;
        if (username.isPresent() && !accounts.exists(username.get())) {
            throw new IllegalArgumentException("账号 \"" + shown(username.get()) + "\" 不存在");
        }
        if (department.isPresent()) {
            departmentId = accounts.departmentId(department.get())
                    .orElseThrow(() -> new IllegalArgumentException("未知部门编码 \"" + shown(department.get()) + "\""));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO api_token (name, token_hash, username, department_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(name.strip(), hash(secret), username.orElse(null), departmentId, by, Timestamp.from(clock.instant()))
                .update();
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(hash(secret)).query(Long.class).single();
        return new Issued(find(id).orElseThrow(), secret);
    }

    public List<Token> all() {
        Map<Long, String> departments = departments();
        return jdbc.sql(SELECT + " ORDER BY t.id").query((rs, n) -> token(rs, departments::get)).list();
    }

    public Optional<Token> find(long id) {
        Map<Long, String> departments = departments();
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query((rs, n) -> token(rs, departments::get)).optional();
    }

    /** Revokes a token; false when there is none with this id. Revoking twice changes nothing. */
    public boolean revoke(long id, String by) {
        if (find(id).isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE api_token SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(by, Timestamp.from(clock.instant()), id).update();
        return true;
    }

    /** Who a secret acts as, if it is a live token (and its account still exists). */
    Optional<TokenHolder> holder(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE t.token_hash = ? AND t.revoked_at IS NULL").param(hash(secret))
                .query((rs, n) -> token(rs, id -> keys.department(id).map(d -> d.region() + "/" + d.code()).orElse(null))).optional()
                .flatMap(token -> account(token).map(account -> new TokenHolder(token.id(), token.name(), account)));
    }

    private Optional<Account> account(Token token) {
        if (token.username() != null) {
            return accounts.account(token.username());
        }
        // a department token is named after itself in what it submits (submitted_by), as "令牌:name"
        String actor = ("令牌:" + token.name());
        String[] department = token.department().split("/", 2);
        return Optional.of(new Account(actor.length() > 100 ? actor.substring(0, 100) : actor, token.name(), List.of(Role.DEPARTMENT),
                Optional.of(department[1]), Optional.of(department[0])));
    }

    private static final String SELECT = """
            SELECT t.id, t.name, t.username, t.department_id, t.created_by, t.created_at, t.revoked_by, t.revoked_at
            FROM api_token t""";

    /** Departments as region/code by key, from the catalog. */
    private Map<Long, String> departments() {
        Map<Long, String> codes = new HashMap<>();
        keys.departmentsById().forEach((id, department) -> codes.put(id, department.region() + "/" + department.code()));
        return codes;
    }

    /** @param departments a department's code by its key: from a map for lists, one lookup for a single token */
    private static Token token(java.sql.ResultSet rs, java.util.function.LongFunction<String> departments) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        Long department = rs.getObject("department_id", Long.class);
        return new Token(rs.getLong("id"), rs.getString("name"), rs.getString("username"), department == null ? null : departments.apply(department),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("revoked_by"),
                revoked == null ? null : revoked.toInstant());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
