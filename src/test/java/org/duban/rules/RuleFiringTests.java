package org.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;

/** Rules that keep triggering each other are cut off, by time or by count, naming the rule that fired most. */
class RuleFiringTests {

    private static final String LOOP = """
            package tasks;
            import org.duban.rules.facts.Tuning.NoticeWindow;

            rule "T99-0 起点"
            when
            then
                insert(new NoticeWindow(0));
            end

            rule "T99-1 循环插入"
            when
                $w : NoticeWindow()
            then
                insert(new NoticeWindow($w.days() + 1));
            end
            """;

    @TempDir
    Path root;

    @Test
    void aLoopIsHaltedAtTheTimeLimitNamingTheRule() throws IOException {
        KieSession session = session(LOOP);
        try {
            assertThatThrownBy(() -> RuleFiring.fire(session, Integer.MAX_VALUE, Duration.ofMillis(500), rule -> "rules/tasks/loop.drl 第 10 行"))
                    .isInstanceOf(RuleFiring.RulesRanAway.class)
                    .hasMessageContaining("超过时限")
                    .hasMessageContaining("\"T99-1 循环插入\"（rules/tasks/loop.drl 第 10 行");
        } finally {
            session.dispose();
        }
    }

    @Test
    void aLoopIsStoppedAtTheCapOnFirings() throws IOException {
        KieSession session = session(LOOP);
        try {
            assertThatThrownBy(() -> RuleFiring.fire(session, 1_000, Duration.ofMinutes(1), rule -> "here"))
                    .isInstanceOf(RuleFiring.RulesRanAway.class)
                    .hasMessageContaining("上限 1000")
                    .hasMessageContaining("\"T99-1 循环插入\"（here，");
        } finally {
            session.dispose();
        }
    }

    @Test
    void rulesThatEndReturnTheirFirings() throws IOException {
        KieSession session = session(LOOP.substring(0, LOOP.indexOf("rule \"T99-1")));
        try {
            assertThat(RuleFiring.fire(session, 1_000, Duration.ofMinutes(1), rule -> "here")).isEqualTo(1);
        } finally {
            session.dispose();
        }
    }

    private KieSession session(String drl) throws IOException {
        Path rulesDir = root.resolve("rules");
        Path file = rulesDir.resolve("tasks/loop.drl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, drl, StandardCharsets.UTF_8);
        RuleCompiler.Result result = new RuleCompiler().compile(List.of(RuleSource.read(rulesDir, file)));
        assertThat(result.problems()).isEmpty();
        return result.kieBase().newKieSession();
    }
}
