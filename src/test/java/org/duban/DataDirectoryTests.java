package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps all its state under {@code duban.data-dir}: two instances with
 * different data directories and ports run side by side over real H2 files, each with its own
 * database, log and generated admin password.
 */
class DataDirectoryTests {

    @TempDir
    Path temp;

    @Test
    void twoInstancesWithTheirOwnDataDirectoriesRunSideBySide() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        try (ConfigurableApplicationContext a = start(first); ConfigurableApplicationContext b = start(second)) {
            assertThat(get(a, "/actuator/health", null)).contains("\"status\":\"UP\"");
            assertThat(get(b, "/actuator/health", null)).contains("\"status\":\"UP\"");

            for (Path dir : new Path[] {first, second}) {
                assertThat(dir.resolve("db/duban.mv.db")).isRegularFile();
                assertThat(dir.resolve("admin-password.txt")).isRegularFile();
            }
            // Logback is set up once per JVM, so in-process instances cannot each open a log file;
            // what matters is that each process would log under its own data directory.
            assertThat(a.getEnvironment().getProperty("logging.file.name")).isEqualTo(first + "/logs/duban.log");
            assertThat(b.getEnvironment().getProperty("logging.file.name")).isEqualTo(second + "/logs/duban.log");
            String passwordA = Files.readString(first.resolve("admin-password.txt")).strip();
            String passwordB = Files.readString(second.resolve("admin-password.txt")).strip();
            assertThat(passwordA).isNotEqualTo(passwordB).hasSizeGreaterThanOrEqualTo(20);
            assertThat(get(a, "/api/tasks/22", passwordA)).contains("T22-1");
            assertThat(get(b, "/api/tasks/22", passwordA)).isEqualTo("401");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(DubanApplication.class)
                .run("--duban.data-dir=" + dataDir, "--server.port=0", "--duban.demo=false",
                        // one JVM, two databases: each scheduler needs its own name (Quartz registers data sources by it)
                        "--spring.quartz.scheduler-name=duban-" + dataDir.getFileName());
    }

    /** The body of a GET, or the status code when it is not 200. */
    private static String get(ConfigurableApplicationContext context, String path, String adminPassword) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (adminPassword != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes()));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : String.valueOf(response.statusCode());
    }
}
