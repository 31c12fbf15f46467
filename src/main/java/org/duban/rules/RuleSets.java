package org.duban.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.duban.DubanSettings;
import org.duban.catalog.CatalogException;
import org.duban.catalog.CatalogProblem;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanDefinition;
import org.duban.rules.RuleHistory.Reason;
import org.duban.rules.RuleSetBuild.Built;
import org.duban.rules.RuleSettings.Mode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The rules module's API. Loads the plans and their rules together, each plan on its own: a plan
 * file of {@code config/} is stored and its rule set ({@code rules/common/} plus the plan's own
 * folder) goes into force only if that set compiles and states exactly one valid criterion per
 * indicator. A plan whose rules fail keeps its last good rule set and stored plan, while the
 * others go ahead; the load reports every problem with file and line, and which plans kept their
 * last good set. A problem of the plan files themselves (YAML, departments) stops the whole load.
 * Plans whose sources are the same (districts sharing a task list) share one compiled rule base.
 * <p>
 * In {@code live} mode a load of the folder goes into force at once; in {@code staged} mode it is
 * only compiled and checked ({@link #staged}) until {@link #activate}. Every rule set that goes
 * into force is kept in {@link RuleHistory}, and {@link #rollback} makes an earlier one current again.
 */
@Service
public class RuleSets {

    private static final Logger log = LoggerFactory.getLogger(RuleSets.class);

    private final PlanCatalog catalog;
    private final DubanSettings settings;
    private final RuleSettings ruleSettings;
    private final RuleHistory history;
    /** Bounded: today's plans and a few versions before; the sets in force hold their bases anyway. */
    private final CompiledRuleBases bases = new CompiledRuleBases(32);
    private volatile Map<String, Built> current = Map.of();
    private volatile Map<String, Built> staged = Map.of();
    private volatile LoadReport lastLoad = new LoadReport(null, List.of());
    private volatile LoadReport stagedLoad = new LoadReport(null, List.of());
    private final Clock clock;

    RuleSets(PlanCatalog catalog, DubanSettings settings, RuleSettings ruleSettings, RuleHistory history, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.settings = settings;
        this.ruleSettings = ruleSettings;
        this.history = history;
    }

    /**
     * How the last load went: when it finished, what was wrong (empty when it succeeded), and the
     * plans whose rules failed and so kept their last good set.
     */
    public record LoadReport(Instant finishedAt, List<CatalogProblem> errors, List<KeptSet> kept) {
        public LoadReport(Instant finishedAt, List<CatalogProblem> errors) {
            this(finishedAt, errors, List.of());
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** A plan whose new rules failed: it keeps {@code version} (null: it has no rules in force yet). */
    public record KeptSet(String plan, String version) {
    }

    /** Rule sets compiled and checked but not in force (those of plans whose rules are right), with what was wrong. */
    public record Candidate(Map<String, RuleSet> sets, List<CatalogProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A rule as written: its name, file, line (a table's: its row, and {@code sheet}; else empty) and its {@code when} part. */
    public record RuleText(String name, String file, int line, String condition, String sheet) {
    }

    public Mode mode() {
        return ruleSettings.mode();
    }

    /**
     * At start-up: live, the folder goes into force; staged, the version last activated does (the
     * folder where a plan has none yet), and the folder is staged beside it.
     */
    public synchronized LoadReport start() {
        if (mode() == Mode.LIVE) {
            return activateFolder("启动", Reason.LOAD);
        }
        Function<PlanDefinition, Optional<List<RuleSource>>> stored = plan -> history.latest(plan.code())
                .map(latest -> build().storedSources(history.files(plan.code(), latest.version())));
        LoadReport report = load(stored, "启动", Reason.ACTIVATE);
        stage();
        return report;
    }

    /** Reads plan files and rules; live, makes each plan's rules current if they are right; staged, stages them. */
    public LoadReport reload() {
        return reload("规则文件变化");
    }

    public synchronized LoadReport reload(String by) {
        if (mode() == Mode.STAGED) {
            return stage();
        }
        return activateFolder(by, Reason.LOAD);
    }

    /** Puts the folder as it is now into force (staged mode's activation; in live mode the same as a reload). */
    public synchronized LoadReport activate(String by) {
        LoadReport report = activateFolder(by, mode() == Mode.STAGED ? Reason.ACTIVATE : Reason.LOAD);
        // what went into force is no longer waiting; a plan that failed to activate keeps its staged set
        Map<String, Built> waiting = new LinkedHashMap<>(staged);
        waiting.keySet().removeIf(plan -> report.kept().stream().noneMatch(kept -> kept.plan().equals(plan)));
        staged = Map.copyOf(waiting);
        if (report.succeeded()) {
            stagedLoad = new LoadReport(clock.instant(), List.of());
        }
        return report;
    }

    /**
     * Makes an earlier version current again. Live, its files are also written back into the folder,
     * which is what live mode runs on (and so what a restart loads); staged, the activation is kept
     * in the history, which is what a restart in staged mode loads.
     */
    public synchronized LoadReport rollback(String planCode, String version, String by) {
        Map<String, String> files = history.files(planCode, version);
        List<CatalogProblem> problems = new ArrayList<>();
        Optional<PlanDefinition> plan = readPlans(problems).stream().filter(p -> p.code().equals(planCode)).findFirst();
        if (files.isEmpty() || plan.isEmpty()) {
            problems.add(new CatalogProblem("rules", 0, "version", "计划 " + planCode + " 没有规则版本 " + version));
            return new LoadReport(clock.instant(), problems);
        }
        Optional<Built> built = build().build(plan.get(), build().storedSources(files), problems);
        if (built.isEmpty() || !problems.isEmpty()) {
            return new LoadReport(clock.instant(), problems);
        }
        if (mode() == Mode.LIVE) {
            build().restore(plan.get(), files);
        }
        Map<String, Built> next = new LinkedHashMap<>(current);
        next.put(planCode, built.get());
        current = Map.copyOf(next);
        history.recordIfNew(built.get().set(), built.get().sources(), by, Reason.ROLLBACK);
        lastLoad = new LoadReport(clock.instant(), List.of());
        log.info("计划 {} 的规则已回退到版本 {}（{}）", planCode, version, by);
        return lastLoad;
    }

    /** Compiles and checks the folder (with {@code overrides}: path under rules/ → text) without putting anything into force or storing the plan. */
    public Candidate candidate(Map<String, String> overrides) {
        List<CatalogProblem> problems = new ArrayList<>();
        Map<String, RuleSet> sets = new LinkedHashMap<>();
        RuleSetBuild build = build();
        for (PlanDefinition plan : readPlans(problems)) {
            buildOne(build, plan, Optional.empty(), overrides, problems).ifPresent(built -> sets.put(plan.code(), built.set()));
        }
        return new Candidate(Map.copyOf(sets), problems.stream().distinct().toList());
    }

    public Optional<RuleSet> current(String planCode) {
        return Optional.ofNullable(current.get(planCode)).map(Built::set);
    }

    /** Staged mode: the folder's rules, compiled and checked, waiting for activation. */
    public Optional<RuleSet> staged(String planCode) {
        return Optional.ofNullable(staged.get(planCode)).map(Built::set);
    }

    public LoadReport lastLoad() {
        return lastLoad;
    }

    /** How the last staging of the folder went. */
    public LoadReport stagedLoad() {
        return stagedLoad;
    }

    /** The rules of a plan's current set as written, in file order. */
    public List<RuleText> rules(String planCode) {
        Built built = current.get(planCode);
        if (built == null) {
            return List.of();
        }
        List<RuleText> rules = new ArrayList<>();
        for (RuleSource source : built.sources()) {
            List<String> lines = source.text().lines().toList();
            source.ruleLines().forEach((name, line) -> rules.add(
                    new RuleText(name, source.path(), source.lineOf(name), condition(lines, line), source.sheetOf(name))));
        }
        return rules;
    }

    /** The lines between {@code when} and {@code then} of the rule starting at {@code line}. */
    private static String condition(List<String> lines, int line) {
        StringBuilder text = new StringBuilder();
        boolean inWhen = false;
        for (int i = line; i < lines.size(); i++) {
            String stripped = lines.get(i).strip();
            if (stripped.equals("then") || stripped.startsWith("then ")) {
                break;
            }
            if (inWhen && !stripped.isEmpty()) {
                text.append(text.isEmpty() ? "" : "\n").append(stripped);
            }
            inWhen |= stripped.equals("when");
        }
        return text.toString();
    }

    private LoadReport activateFolder(String by, Reason reason) {
        return load(plan -> Optional.empty(), by, reason);
    }

    /**
     * Loads the plan files, each plan's rules from {@code stored} or else the folder: the plans whose
     * rules are right are stored and go into force, the others keep their last good set.
     */
    private LoadReport load(Function<PlanDefinition, Optional<List<RuleSource>>> stored, String by, Reason reason) {
        Map<String, Built> compiled = new LinkedHashMap<>();
        Map<String, List<CatalogProblem>> refused = new LinkedHashMap<>();
        try {
            catalog.load(plans -> {
                compileEach(plans, stored, compiled, refused);
                return refused;
            });
        } catch (CatalogException e) {
            List<KeptSet> kept = current.values().stream().map(built -> new KeptSet(built.set().planCode(), built.set().version())).toList();
            lastLoad = new LoadReport(clock.instant(), e.problems(), kept);
            log.error("计划文件有错误，所有计划继续使用上次成功加载的版本。请修改后重新加载。\n{}", e.getMessage());
            return lastLoad;
        }
        // every plan read is either compiled or refused; a refused one keeps its set in force, if it has one
        Map<String, Built> next = new LinkedHashMap<>(compiled);
        List<KeptSet> kept = new ArrayList<>();
        for (String plan : refused.keySet()) {
            Built last = current.get(plan);
            if (last != null) {
                next.put(plan, last);
            }
            kept.add(new KeptSet(plan, last == null ? null : last.set().version()));
        }
        current = Map.copyOf(next);
        List<CatalogProblem> problems = refused.values().stream().flatMap(List::stream).distinct().toList();
        lastLoad = new LoadReport(clock.instant(), problems, List.copyOf(kept));
        compiled.values().forEach(built -> {
            history.recordIfNew(built.set(), built.sources(), by, reason);
            log.info("计划 {} 的规则已加载: 版本 {}，{} 个文件，{} 条判定标准", built.set().planCode(), built.set().version(),
                    built.set().files().size(), built.set().criteria().size());
        });
        if (!problems.isEmpty()) {
            kept.forEach(set -> log.error(set.version() == null ? "计划 {} 的规则有错误，尚无可用的规则，计划未加载{}"
                    : "计划 {} 的规则有错误，继续使用上次成功加载的版本 {}", set.plan(), set.version() == null ? "" : set.version()));
            log.error("请修改后重新加载:\n{}", problemList(problems));
        }
        return lastLoad;
    }

    private LoadReport stage() {
        List<CatalogProblem> problems = new ArrayList<>();
        Map<String, Built> compiled = new LinkedHashMap<>();
        RuleSetBuild build = build();
        for (PlanDefinition plan : readPlans(problems)) {
            buildOne(build, plan, Optional.empty(), Map.of(), problems).ifPresent(built -> compiled.put(plan.code(), built));
        }
        staged = Map.copyOf(compiled);
        List<CatalogProblem> distinct = problems.stream().distinct().toList();
        stagedLoad = new LoadReport(clock.instant(), distinct);
        compiled.values().forEach(built -> log.info("计划 {} 的规则已暂存（未生效）: 版本 {}，生效请 POST /api/rules/activate",
                built.set().planCode(), built.set().version()));
        if (!distinct.isEmpty()) {
            log.error("暂存的规则有错误，出错的计划不能生效:\n{}", problemList(distinct));
        }
        return stagedLoad;
    }

    private static String problemList(List<CatalogProblem> problems) {
        return String.join("\n", problems.stream().map(CatalogProblem::toString).toList());
    }

    private List<PlanDefinition> readPlans(List<CatalogProblem> problems) {
        try {
            return catalog.read();
        } catch (CatalogException e) {
            problems.addAll(e.problems());
            return List.of();
        }
    }

    /** Builds each plan's set on its own: a plan's problems are its own, and refuse only it. */
    private void compileEach(List<PlanDefinition> plans, Function<PlanDefinition, Optional<List<RuleSource>>> stored,
                             Map<String, Built> compiled, Map<String, List<CatalogProblem>> refused) {
        RuleSetBuild build = build();
        for (PlanDefinition plan : plans) {
            List<CatalogProblem> problems = new ArrayList<>();
            buildOne(build, plan, stored.apply(plan), Map.of(), problems).ifPresentOrElse(built -> compiled.put(plan.code(), built),
                    () -> refused.put(plan.code(), List.copyOf(problems)));
        }
    }

    /**
     * One plan's set from {@code stored} sources or else the folder (with {@code overrides}), by the
     * load's one {@code build} (so files the plans share are read once); empty,
     * with its problems added to {@code problems}, unless all of it is right.
     */
    private static Optional<Built> buildOne(RuleSetBuild build, PlanDefinition plan, Optional<List<RuleSource>> stored,
                                            Map<String, String> overrides, List<CatalogProblem> problems) {
        List<CatalogProblem> own = new ArrayList<>();
        Optional<Built> built = stored.or(() -> build.folderSources(plan, overrides, own)).flatMap(list -> build.build(plan, list, own));
        problems.addAll(own);
        return own.isEmpty() ? built : Optional.empty();
    }

    private RuleSetBuild build() {
        return new RuleSetBuild(settings.rulesDir(), ruleSettings, clock, bases);
    }
}
