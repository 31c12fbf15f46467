package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables, and only its own SQL names them: other modules ask through its API
 * or hear its events. Reads the sources, since Modulith sees types, not the SQL inside strings.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/org/duban");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern SQL_TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CREATED = Pattern.compile("CREATE TABLE\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    /** Who owns which table. */
    static final Map<String, Set<String>> OWNERS = Map.of(
            "catalog", Set.of("region", "department", "plan", "plan_section", "task", "task_department", "indicator", "task_shared_indicator"),
            "rules", Set.of("rule_activation", "rule_activation_file"),
            "collection", Set.of("observation"),
            "assessment", Set.of("evaluation_run", "rule_firing", "assessment", "evaluation_lock"),
            "warning", Set.of("early_warning", "warning_event"),
            "notification", Set.of("mail_outbox", "notification_state", "escalation_notice"),
            "access", Set.of("app_user", "api_token"),
            "scheduling", Set.of("job_run", "qrtz_scheduler_state", "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers",
                    "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps",
                    "qrtz_fired_triggers", "qrtz_locks"));

    @Test
    void everyTableOfTheSchemaHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        Set<String> owned = new TreeSet<>();
        OWNERS.values().forEach(owned::addAll);

        assertThat(created).isNotEmpty();
        assertThat(owned).as("tables with an owner").containsAll(created);
    }

    @Test
    void noModulesSqlNamesATableItDoesNotOwn() throws IOException {
        Map<String, String> ownerOf = new java.util.HashMap<>();
        OWNERS.forEach((module, tables) -> tables.forEach(table -> ownerOf.put(table, module)));
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = SQL_TABLE.matcher(lines.get(i));
                    while (m.find()) {
                        String owner = ownerOf.get(m.group(1).toLowerCase(Locale.ROOT));
                        if (owner != null && !owner.equals(module)) {
                            trespasses.add(SOURCES.relativize(file) + ":" + (i + 1) + " names " + m.group(1) + " of module " + owner);
                        }
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    @Test
    void aModuleReadingAnotherModulesTableIsCaught() {
        Matcher m = SQL_TABLE.matcher("SELECT i.code FROM observation o JOIN indicator i ON i.id = o.indicator_id");
        List<String> named = new ArrayList<>();
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(named).containsExactly("observation", "indicator");
    }
}
