package org.duban.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.duban.catalog.CatalogProblem;
import org.duban.catalog.PlanDefinition;
import org.duban.rules.RuleSet.RuleFile;
import org.duban.rules.facts.PlanScope;

/**
 * Builds one plan's rule set from its sources — the files of the rules folder, or the stored files
 * of an earlier version — with every check a load makes: the vocabulary guard, the executable-model
 * compile with its bytecode check, and the criteria stated against the plan. Whatever the sources'
 * origin, the checks are the same. One build serves one load: a file is read (and a criteria table
 * converted) once, however many of the load's plans include it ({@code rules/common/}, a shared folder).
 */
final class RuleSetBuild {

    static final String COMMON = "common";
    /** The order of a load: the shared files, then the plan's own (the version hash depends on it). */
    private static final Comparator<RuleSource> COMMON_FIRST = Comparator
            .comparing((RuleSource s) -> !s.resource().startsWith(COMMON + "/")).thenComparing(RuleSource::resource);

    /** A rule set with the sources it was built from (kept for history and for the workbench). */
    record Built(RuleSet set, List<RuleSource> sources) {
    }

    private final Path rulesDir;
    private final RuleSettings settings;
    private final Clock clock;
    private final CompiledRuleBases bases;
    private final Map<Path, RuleSource> read = new HashMap<>();

    RuleSetBuild(Path rulesDir, RuleSettings settings, Clock clock, CompiledRuleBases bases) {
        this.rulesDir = rulesDir.toAbsolutePath().normalize();
        this.settings = settings;
        this.clock = clock;
        this.bases = bases;
    }

    /** The plan's files in the folder: {@code rules/common/} and its own folder, with {@code overrides} (path under rules/ → text) laid over them. */
    Optional<List<RuleSource>> folderSources(PlanDefinition plan, Map<String, String> overrides, List<CatalogProblem> problems) {
        Path folder = rulesDir.resolve(plan.rulesFolder()).normalize();
        if (plan.rulesFolder().isBlank() || !folder.startsWith(rulesDir) || !Files.isDirectory(folder)) {
            problems.add(new CatalogProblem(plan.sourceFile(), 0, "rules", "找不到规则目录 rules/" + plan.rulesFolder()));
            return Optional.empty();
        }
        Optional<String> invalid = RulePackages.invalidFolder(rulesDir.relativize(folder).toString().replace('\\', '/'));
        if (invalid.isPresent()) {
            problems.add(new CatalogProblem(plan.sourceFile(), 0, "rules", "规则目录 rules/" + plan.rulesFolder() + " 的" + invalid.get()));
            return Optional.empty();
        }
        Map<String, RuleSource> sources = new LinkedHashMap<>();
        for (Path dir : List.of(rulesDir.resolve(COMMON), folder)) {
            for (Path file : ruleFiles(dir)) {
                RuleSource source = read.computeIfAbsent(file, f -> RuleSource.read(rulesDir, f));
                sources.put(source.resource(), source);
            }
        }
        overrides.forEach((resource, text) -> {
            String clean = resource.replace('\\', '/').replaceFirst("^rules/", "");
            boolean ours = clean.startsWith(COMMON + "/") || clean.startsWith(plan.rulesFolder() + "/");
            if (ours && RuleSource.isRuleFile(clean) && !clean.contains("..")) {
                sources.put(clean, RuleSource.of(rulesDir, clean, RuleSource.fromStored(clean, text)));
            }
        });
        return Optional.of(sources.values().stream().sorted(COMMON_FIRST).toList());
    }

    /** The files of a stored version, as they were. */
    List<RuleSource> storedSources(Map<String, String> files) {
        return files.entrySet().stream()
                .map(file -> RuleSource.of(rulesDir, file.getKey(), RuleSource.fromStored(file.getKey(), file.getValue())))
                .sorted(COMMON_FIRST).toList();
    }

    Optional<Built> build(PlanDefinition plan, List<RuleSource> sources, List<CatalogProblem> problems) {
        RuleCompiler.Result compiled = bases.compile(sources);
        if (!compiled.ok()) {
            problems.addAll(compiled.problems().stream().map(this::sharedByAll).toList());
            return Optional.empty();
        }
        StatedCriteria.Result criteria = new StatedCriteria(sources, settings.loadTimeout()).collect(compiled.kieBase(), plan, plan.rulesFolder());
        problems.addAll(criteria.problems());
        List<RuleFile> files = sources.stream().map(s -> new RuleFile(s.path(), s.ruleNames())).toList();
        Map<String, String> ruleFiles = new LinkedHashMap<>();
        Map<String, String> rulePlaces = new LinkedHashMap<>();
        sources.forEach(source -> source.ruleNames().forEach(rule -> {
            ruleFiles.put(source.packageName() + "/" + rule, source.path());
            rulePlaces.put(source.packageName() + "/" + rule, source.placeOf(rule));
        }));
        RuleSet set = new RuleSet(plan.code(), RuleCompiler.version(sources), clock.instant(), files, criteria.criteria(),
                Map.copyOf(ruleFiles), Map.copyOf(rulePlaces), criteria.terms(), compiled.kieBase(),
                new PlanScope(plan.code(), plan.region().code()), compiled.sessions());
        return Optional.of(new Built(set, sources));
    }

    /** A problem of {@code rules/common/} stops every plan's load: say so where it is reported. */
    private CatalogProblem sharedByAll(CatalogProblem problem) {
        String common = (rulesDir.getFileName() == null ? "rules" : rulesDir.getFileName().toString()) + "/" + COMMON + "/";
        if (!problem.file().startsWith(common) || problem.message().endsWith(SHARED)) {
            return problem;
        }
        return new CatalogProblem(problem.file(), problem.line(), problem.field(), problem.message() + SHARED);
    }

    private static final String SHARED = "（rules/common/ 由所有计划共用：此错误使每个计划都保留上次成功加载的规则）";

    /** Writes a stored version back into the folder: its files as they were, and no other DRL file beside them. */
    void restore(PlanDefinition plan, Map<String, String> files) {
        try {
            for (Path folder : List.of(rulesDir.resolve(COMMON), rulesDir.resolve(plan.rulesFolder()).normalize())) {
                for (Path file : ruleFiles(folder)) {
                    if (!files.containsKey(rulesDir.relativize(file).toString().replace('\\', '/'))) {
                        Files.delete(file);
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = rulesDir.resolve(file.getKey()).normalize();
                if (!target.startsWith(rulesDir)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, RuleSource.fromStored(file.getKey(), file.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DRL files and criteria tables under {@code folder}, in order. */
    static List<Path> ruleFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(f -> RuleSource.isRuleFile(f.getFileName().toString()))
                    // Excel's lock file while a table is open
                    .filter(f -> !f.getFileName().toString().startsWith("~$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
