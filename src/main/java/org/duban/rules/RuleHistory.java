package org.duban.rules;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every rule set that went into force (tables {@code rule_activation}, {@code rule_activation_file}):
 * the files as they were, so a rollback restores exactly them, and a diff to the set before, so a
 * reader sees what changed. A criteria table is kept as its bytes in Base64 (see
 * {@link RuleSource#storedText()}): the column is text, and a rollback must restore the very file. Part of the rules module's API for listing; writing is the module's own.
 */
@Repository
public class RuleHistory {

    /** Why a rule set went into force. */
    public enum Reason {
        /** live mode: the folder changed, or Duban started, and the rules compiled and checked */
        LOAD,
        /** staged mode: {@code POST /api/rules/activate} */
        ACTIVATE,
        /** an earlier version made current again */
        ROLLBACK
    }

    /** One activation; {@code number} counts activations of the plan from 1. */
    public record Activation(long id, String plan, String version, String activatedBy, Instant activatedAt, Reason reason,
                             String previousVersion, String diff, boolean active) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    RuleHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Newest first; the first is the one in force. */
    public List<Activation> list(String plan) {
        List<Activation> all = jdbc.sql("""
                SELECT id, plan_code, version, activated_by, activated_at, reason, previous_version, diff
                FROM rule_activation WHERE plan_code = ? ORDER BY id DESC""").param(plan)
                .query((rs, n) -> new Activation(rs.getLong("id"), rs.getString("plan_code"), rs.getString("version"),
                        rs.getString("activated_by"), rs.getTimestamp("activated_at").toInstant(), Reason.valueOf(rs.getString("reason")),
                        rs.getString("previous_version"), rs.getString("diff"), n == 0))
                .list();
        return all;
    }

    public Optional<Activation> latest(String plan) {
        return list(plan).stream().findFirst();
    }

    /** The files of a version (by path under {@code rules/}), as last activated; empty when never activated. */
    public Map<String, String> files(String plan, String version) {
        Optional<Long> id = jdbc.sql("SELECT MAX(id) FROM rule_activation WHERE plan_code = ? AND version = ?")
                .params(plan, version).query(Long.class).optional();
        Map<String, String> files = new LinkedHashMap<>();
        id.ifPresent(activation -> jdbc.sql("SELECT path, content FROM rule_activation_file WHERE activation_id = ? ORDER BY path")
                .param(activation).query(rs -> {
                    files.put(rs.getString("path"), rs.getString("content"));
                }));
        return files;
    }

    /** Records a rule set going into force, unless it is the one in force already. */
    @Transactional
    void recordIfNew(RuleSet set, List<RuleSource> sources, String by, Reason reason) {
        Optional<Activation> previous = latest(set.planCode());
        if (previous.isPresent() && previous.get().version().equals(set.version())) {
            return;
        }
        Map<String, String> files = new LinkedHashMap<>();
        sources.forEach(source -> files.put(source.resource(), source.storedText()));
        Map<String, String> before = previous.map(p -> files(set.planCode(), p.version())).orElse(Map.of());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rule_activation (plan_code, version, activated_by, activated_at, reason, previous_version, diff)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(set.planCode(), set.version(), by, Timestamp.from(clock.instant()), reason.name(),
                        previous.map(Activation::version).orElse(null), RuleDiff.of(before, files))
                .update(key, "id");
        long id = key.getKey().longValue();
        files.forEach((path, content) -> jdbc.sql("INSERT INTO rule_activation_file (activation_id, path, content) VALUES (?, ?, ?)")
                .params(id, path, content).update());
    }
}
