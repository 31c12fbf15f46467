package org.duban.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.duban.DubanSettings;
import org.duban.catalog.CatalogException;
import org.duban.catalog.CatalogProblem;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanDefinition;
import org.duban.rules.RuleSet.RuleFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The rules module's API. Loads a plan and its rules together: the plan files of
 * {@code config/} are stored only if every plan's rules ({@code rules/common/} plus the plan's
 * own folder) compile and state exactly one valid criterion per indicator. A failed load keeps
 * the last good plan and rule sets and reports every problem with file and line.
 */
@Service
public class RuleSets {

    private static final Logger log = LoggerFactory.getLogger(RuleSets.class);
    private static final String COMMON = "common";

    private final PlanCatalog catalog;
    private final DubanSettings settings;
    private final RuleSettings ruleSettings;
    private volatile Map<String, RuleSet> current = Map.of();
    private volatile LoadReport lastLoad = new LoadReport(null, List.of());
    private final Clock clock;

    RuleSets(PlanCatalog catalog, DubanSettings settings, RuleSettings ruleSettings, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.settings = settings;
        this.ruleSettings = ruleSettings;
    }

    /** How the last load went: when it finished and what was wrong (empty when it succeeded). */
    public record LoadReport(Instant finishedAt, List<CatalogProblem> errors) {
        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** Reads plan files and rules, and makes them current only if all of it is right. */
    public synchronized LoadReport reload() {
        Map<String, RuleSet> compiled = new LinkedHashMap<>();
        try {
            catalog.load(plans -> compiled.putAll(compileAll(plans)));
            current = Map.copyOf(compiled);
            lastLoad = new LoadReport(clock.instant(), List.of());
            compiled.values().forEach(set -> log.info("计划 {} 的规则已加载: 版本 {}，{} 个文件，{} 条判定标准",
                    set.planCode(), set.version(), set.files().size(), set.criteria().size()));
        } catch (CatalogException e) {
            lastLoad = new LoadReport(clock.instant(), e.problems());
            log.error("计划或规则有错误，继续使用上次成功加载的版本。请修改后重新加载。\n{}", e.getMessage());
        }
        return lastLoad;
    }

    public Optional<RuleSet> current(String planCode) {
        return Optional.ofNullable(current.get(planCode));
    }

    public LoadReport lastLoad() {
        return lastLoad;
    }

    private Map<String, RuleSet> compileAll(List<PlanDefinition> plans) {
        Map<String, RuleSet> sets = new LinkedHashMap<>();
        List<CatalogProblem> problems = new ArrayList<>();
        for (PlanDefinition plan : plans) {
            compile(plan, problems).ifPresent(set -> sets.put(plan.code(), set));
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return sets;
    }

    private Optional<RuleSet> compile(PlanDefinition plan, List<CatalogProblem> problems) {
        Path rulesDir = settings.rulesDir().toAbsolutePath().normalize();
        Path folder = rulesDir.resolve(plan.rulesFolder()).normalize();
        if (plan.rulesFolder().isBlank() || !folder.startsWith(rulesDir) || !Files.isDirectory(folder)) {
            problems.add(new CatalogProblem(plan.sourceFile(), 0, "rules", "找不到规则目录 rules/" + plan.rulesFolder()));
            return Optional.empty();
        }
        List<RuleSource> sources = new ArrayList<>(drlFiles(rulesDir.resolve(COMMON)).stream().map(f -> RuleSource.read(rulesDir, f)).toList());
        sources.addAll(drlFiles(folder).stream().map(f -> RuleSource.read(rulesDir, f)).toList());
        List<CatalogProblem> refused = sources.stream().flatMap(source -> new RuleGuard().check(source).stream()).toList();
        if (!refused.isEmpty()) {
            problems.addAll(refused);
            return Optional.empty();
        }
        RuleCompiler.Result compiled = new RuleCompiler().compile(sources);
        if (!compiled.ok()) {
            problems.addAll(compiled.problems());
            return Optional.empty();
        }
        StatedCriteria.Result criteria = new StatedCriteria(sources, ruleSettings.loadTimeout()).collect(compiled.kieBase(), plan, plan.rulesFolder());
        problems.addAll(criteria.problems());
        List<RuleFile> files = sources.stream().map(s -> new RuleFile(s.path(), s.ruleNames())).toList();
        Map<String, String> ruleFiles = new LinkedHashMap<>();
        Map<String, Integer> ruleLines = new LinkedHashMap<>();
        sources.forEach(source -> source.ruleNames().forEach(rule -> {
            ruleFiles.put(source.packageName() + "/" + rule, source.path());
            ruleLines.put(source.packageName() + "/" + rule, source.lineOf(rule));
        }));
        return Optional.of(new RuleSet(plan.code(), RuleCompiler.version(sources), clock.instant(), files, criteria.criteria(),
                Map.copyOf(ruleFiles), Map.copyOf(ruleLines), criteria.terms(), compiled.kieBase()));
    }

    private static List<Path> drlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
