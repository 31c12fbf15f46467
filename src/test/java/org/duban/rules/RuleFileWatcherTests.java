package org.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.duban.ConfigCopy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running Duban notices edited, added and deleted DRL files and reloads within 10 seconds; a
 * broken file is reported with its line while the last good rules stay in force.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "duban.rules.watch=true", "duban.rules.watch-interval=500ms"})
@ActiveProfiles("test")
class RuleFileWatcherTests {

    static final ConfigCopy COPY = new ConfigCopy();
    static final Duration WITHIN = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void copiedFiles(DynamicPropertyRegistry registry) {
        COPY.register(registry);
    }

    @Autowired
    RuleSets ruleSets;

    @Test
    void editsBreakagesAndNewFilesTakeEffectWithoutRestart() throws Exception {
        Path t22 = COPY.rulesDir().resolve("tasks/t22.drl");

        COPY.replace(t22, "atLeast(720)", "atLeast(800)");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(target("T22-1")).isEqualByComparingTo("800"));
        String good = ruleSets.current("zhoucun-2023").orElseThrow().version();

        COPY.replace(t22, "atLeast(800)", "atLeast(");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(ruleSets.lastLoad().errors()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/tasks/t22.drl");
            assertThat(problem.line()).isPositive();
        }));
        assertThat(ruleSets.current("zhoucun-2023").orElseThrow().version()).isEqualTo(good);
        assertThat(target("T22-1")).isEqualByComparingTo("800");

        COPY.replace(t22, "atLeast(", "atLeast(900)");
        Files.writeString(COPY.rulesDir().resolve("common/extra.drl"), "package common;\n\nquery \"阈值\"\n    $t : org.duban.rules.facts.Tuning.LagThreshold()\nend\n");
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(ruleSets.lastLoad().succeeded()).isTrue();
            assertThat(target("T22-1")).isEqualByComparingTo("900");
            assertThat(ruleSets.current("zhoucun-2023").orElseThrow().files()).extracting(RuleSet.RuleFile::path).contains("rules/common/extra.drl");
        });

        Files.delete(COPY.rulesDir().resolve("common/extra.drl"));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(ruleSets.current("zhoucun-2023").orElseThrow().files())
                .extracting(RuleSet.RuleFile::path).doesNotContain("rules/common/extra.drl"));
    }

    private BigDecimal target(String indicator) {
        return ruleSets.current("zhoucun-2023").orElseThrow().criterion(indicator).orElseThrow().criterion().target();
    }
}
