package org.duban.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Files dropped in the inbox are imported by the scheduler, with nobody calling the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "duban.schedule.inbox=0/1 * * * * ?")
@ActiveProfiles("test")
class InboxTests {

    static final Path INBOX = temp();

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) {
        registry.add("duban.collection.inbox", INBOX::toString);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGoodFileIsImportedAndMovedToProcessedABadOneToFailedWithItsErrors() throws Exception {
        drop(INBOX.resolve("九月.csv"), "指标编码,日期,数值\nT22-1,2023-09-30,300\nT22-1,2023-08-31,250\n");
        drop(INBOX.resolve("错误.csv"), "指标编码,日期,数值\nT22-1,2023-09-30,三百\nT99-1,2023-09-30,1\n");
        Files.createDirectories(INBOX.resolve("keji"));
        drop(INBOX.resolve("keji/科技局.csv"), "指标编码,日期,数值\nT22-1,2023-10-31,400\n");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(names(INBOX.resolve("processed"))).anyMatch(name -> name.endsWith("-九月.csv"));
            assertThat(names(INBOX.resolve("failed"))).anyMatch(name -> name.endsWith("-错误.csv"))
                    .anyMatch(name -> name.endsWith("-科技局.csv"));
        });

        assertThat(jdbc.sql("SELECT COUNT(*) FROM observation WHERE channel = 'INBOX'").query(Integer.class).single()).isEqualTo(2);
        Path errors = Files.list(INBOX.resolve("failed")).filter(p -> p.toString().endsWith("-错误.csv.errors.txt")).findFirst().orElseThrow();
        assertThat(Files.readString(errors)).contains("第 2 行 第 3 列（数值）：应为数值，实为 \"三百\"", "第 3 行 第 1 列（指标编码）：未知指标 \"T99-1\"");
        Path denied = Files.list(INBOX.resolve("failed")).filter(p -> p.toString().endsWith("-科技局.csv.errors.txt")).findFirst().orElseThrow();
        assertThat(Files.readString(denied)).contains("无权报送指标 T22-1");
        assertThat(Files.exists(INBOX.resolve("九月.csv"))).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM job_run WHERE job_name = 'inbox' AND outcome = 'SUCCEEDED'").query(Integer.class).single()).isPositive();
    }

    /** Written elsewhere and moved in, as a careful sender does; dated back so it counts as settled. */
    private static void drop(Path target, String content) throws Exception {
        Path staging = Files.createTempFile("drop", ".tmp");
        Files.writeString(staging, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(staging, FileTime.from(Instant.now().minusSeconds(10)));
        Files.move(staging, target);
    }

    private static Stream<String> names(Path folder) throws Exception {
        return Files.exists(folder) ? Files.list(folder).map(p -> p.getFileName().toString()).toList().stream() : Stream.empty();
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("duban-inbox-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
