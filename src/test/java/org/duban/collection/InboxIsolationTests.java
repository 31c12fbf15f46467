package org.duban.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One bad file never jams the drop folder: it goes to failed/ with its reason, and the good files after it are imported in the same pass. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"duban.collection.max-file-size=1KB", "duban.schedule.inbox=0 0 0 1 1 ? 2099"})
@ActiveProfiles("test")
class InboxIsolationTests {

    static final Path INBOX = temp();

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) {
        registry.add("duban.collection.inbox", INBOX::toString);
    }

    @Autowired
    Inbox inbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnterminatedQuoteAnOversizeFileAndAnOverlongNameDoNotStopTheGoodFiles() throws Exception {
        String longName = "c-" + "长".repeat(78) + ".csv"; // 238 bytes: fits the inbox, but not with a time stamp in front
        drop("a-引号.csv", "指标编码,日期,数值\nT22-1,\"2023-01-31,1\n");
        drop("b-过大.csv", "指标编码,日期,数值\n" + "T22-1,2023-01-31,1\n".repeat(100));
        drop(longName, "指标编码,日期,数值\nT22-1,2023-02-28,5\n");
        drop("d-" + "错".repeat(78) + ".csv", "指标编码,日期,数值\nT22-1,2023-02-28,五\n");
        drop("e-好.csv", "指标编码,日期,数值\nT22-1,2023-03-31,7\n");

        Inbox.Collected collected = inbox.collect();

        assertThat(collected.processed()).containsExactly(longName, "e-好.csv");
        assertThat(collected.failed()).hasSize(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM observation WHERE channel = 'INBOX'").query(Integer.class).single()).isEqualTo(2);
        assertThat(names(INBOX)).noneMatch(name -> name.endsWith(".csv"));
        assertThat(errors("a-引号.csv")).contains("第 2 行起", "双引号");
        assertThat(errors("b-过大.csv")).contains("文件过大", "最大 1 KB");
        String renamed = errors("d-错");
        assertThat(renamed).contains("文件名过长", "应为数值");
        assertThat(names(INBOX.resolve("processed"))).anyMatch(name -> name.contains("-c-长长") && name.endsWith("….csv"));
    }

    private static String errors(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(INBOX.resolve("failed"))) {
            Path report = files.filter(p -> p.getFileName().toString().contains("-" + prefix) && p.toString().endsWith(".errors.txt"))
                    .findFirst().orElseThrow();
            return Files.readString(report);
        }
    }

    private static void drop(String name, String content) throws Exception {
        Path target = INBOX.resolve(name);
        Files.writeString(target, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(target, FileTime.from(Instant.now().minusSeconds(10)));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("duban-inbox-isolation-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
