package org.duban.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/** Where the benchmark's data lives and how big it grew: an H2 file, or a MariaDB database of its own. */
record DatabaseSize(String kind, String url, String database, Path dataDir) {

    static final String MARIADB_SERVER = env("DUBAN_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    static final String MARIADB_USER = env("DUBAN_BENCH_MARIADB_USER", "root");
    static final String MARIADB_PASSWORD = env("DUBAN_BENCH_MARIADB_PASSWORD", "");

    static DatabaseSize h2(Path dataDir) {
        return new DatabaseSize("h2", "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/db/duban;MODE=MariaDB", "duban", dataDir);
    }

    static DatabaseSize mariadb(int scale, Path dataDir) {
        String name = "duban_bench_" + scale;
        return new DatabaseSize("mariadb", MARIADB_SERVER + name, name, dataDir);
    }

    /** Starts from nothing: the data directory removed, the MariaDB database dropped and created anew. */
    void recreate() throws SQLException {
        delete(dataDir);
        if (kind.equals("mariadb")) {
            try (Connection connection = DriverManager.getConnection(MARIADB_SERVER, MARIADB_USER, MARIADB_PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
                statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
    }

    void drop() throws SQLException {
        if (kind.equals("mariadb")) {
            try (Connection connection = DriverManager.getConnection(MARIADB_SERVER, MARIADB_USER, MARIADB_PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    List<String> springProperties() {
        return kind.equals("mariadb")
                ? List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + MARIADB_USER, "--spring.datasource.password=" + MARIADB_PASSWORD)
                : List.of("--spring.datasource.url=" + url);
    }

    /** Bytes per table (data + indexes) on MariaDB; on H2 one entry, the database file. */
    Map<String, Long> sizes(JdbcTemplate jdbc) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        if (kind.equals("mariadb")) {
            for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?", String.class, database)) {
                jdbc.execute("ANALYZE TABLE `" + table + "`"); // InnoDB's sizes are estimates until analysed
            }
            jdbc.query("""
                    SELECT table_name, data_length + index_length AS bytes FROM information_schema.tables
                    WHERE table_schema = ? ORDER BY bytes DESC""", rs -> {
                sizes.put(rs.getString(1), rs.getLong(2));
            }, database);
        } else {
            jdbc.execute("CHECKPOINT SYNC");
            sizes.put("(H2 文件)", size(dataDir.resolve("db")));
        }
        return sizes;
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> old = Files.walk(folder)) {
            old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
