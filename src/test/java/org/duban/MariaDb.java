package org.duban;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real MariaDB for the tests that must run on it. Required (a missing server fails the test)
 * when {@code -Dduban.test.mariadb=true} or {@code CI=true}; otherwise the tests run when a
 * server answers and are skipped, with the reason, when none does. Each caller gets a fresh
 * database, so tests never see each other's rows.
 *
 * <p>Server: {@code DUBAN_TEST_MARIADB_URL} (default {@code jdbc:mariadb://127.0.0.1:3306/}),
 * {@code DUBAN_TEST_MARIADB_USER} (default root), {@code DUBAN_TEST_MARIADB_PASSWORD} (default empty),
 * {@code DUBAN_TEST_MARIADB_PREFIX} (default {@code duban_t_}) for the names of the databases.
 */
public final class MariaDb implements ExecutionCondition {

    private static final String SERVER = env("DUBAN_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = env("DUBAN_TEST_MARIADB_USER", "root");
    private static final String PASSWORD = env("DUBAN_TEST_MARIADB_PASSWORD", "");
    /** .ci/run gives each run its own prefix, so it can drop whatever a crashed run left behind. */
    private static final String PREFIX = env("DUBAN_TEST_MARIADB_PREFIX", "duban_t_");
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(MariaDb::dropCreated, "drop-test-databases"));
    }

    static boolean required() {
        return Boolean.getBoolean("duban.test.mariadb") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (required()) {
            return ConditionEvaluationResult.enabled("MariaDB tests are required here");
        }
        try (Connection ignored = connect("")) {
            return ConditionEvaluationResult.enabled("MariaDB answers at " + SERVER);
        } catch (SQLException e) {
            return ConditionEvaluationResult.disabled("No MariaDB at " + SERVER + " (" + e.getMessage()
                    + "); run with -Dduban.test.mariadb=true to make this a failure");
        }
    }

    /** Creates a new empty database and points the Spring context at it. */
    public static void register(DynamicPropertyRegistry registry) {
        String database = createDatabase();
        registry.add("spring.datasource.url", () -> SERVER + database);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    /** A fresh database's name; it is dropped when the test JVM exits. */
    public static String createDatabase() {
        String name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            CREATED.add(name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB is required for this test but cannot be reached at " + SERVER + ": " + e.getMessage(), e);
        }
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, USER, PASSWORD);
    }

    private static void dropCreated() {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + CREATED + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
