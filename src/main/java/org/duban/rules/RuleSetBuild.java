package org.duban.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.duban.catalog.CatalogProblem;
import org.duban.catalog.PlanDefinition;
import org.duban.rules.RuleSet.RuleFile;

/**
 * Builds one plan's rule set from its sources — the files of the rules folder, or the stored files
 * of an earlier version — with every check a load makes: the vocabulary guard, the executable-model
 * compile with its bytecode check, and the criteria stated against the plan. Whatever the sources'
 * origin, the checks are the same.
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

    RuleSetBuild(Path rulesDir, RuleSettings settings, Clock clock) {
        this.rulesDir = rulesDir.toAbsolutePath().normalize();
        this.settings = settings;
        this.clock = clock;
    }

    /** The plan's files in the folder: {@code rules/common/} and its own folder, with {@code overrides} (path under rules/ → text) laid over them. */
    Optional<List<RuleSource>> folderSources(PlanDefinition plan, Map<String, String> overrides, List<CatalogProblem> problems) {
        Path folder = rulesDir.resolve(plan.rulesFolder()).normalize();
        if (plan.rulesFolder().isBlank() || !folder.startsWith(rulesDir) || !Files.isDirectory(folder)) {
            problems.add(new CatalogProblem(plan.sourceFile(), 0, "rules", "找不到规则目录 rules/" + plan.rulesFolder()));
            return Optional.empty();
        }
        Map<String, RuleSource> sources = new LinkedHashMap<>();
        for (Path file : drlFiles(rulesDir.resolve(COMMON))) {
            RuleSource source = RuleSource.read(rulesDir, file);
            sources.put(source.resource(), source);
        }
        for (Path file : drlFiles(folder)) {
            RuleSource source = RuleSource.read(rulesDir, file);
            sources.put(source.resource(), source);
        }
        overrides.forEach((resource, text) -> {
            String clean = resource.replace('\\', '/').replaceFirst("^rules/", "");
            boolean ours = clean.startsWith(COMMON + "/") || clean.startsWith(plan.rulesFolder() + "/");
            if (ours && clean.endsWith(".drl") && !clean.contains("..")) {
                sources.put(clean, RuleSource.of(rulesDir, clean, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        });
        return Optional.of(sources.values().stream().sorted(COMMON_FIRST).toList());
    }

    /** The files of a stored version, as they were. */
    List<RuleSource> storedSources(Map<String, String> files) {
        return files.entrySet().stream()
                .map(file -> RuleSource.of(rulesDir, file.getKey(), file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .sorted(COMMON_FIRST).toList();
    }

    Optional<Built> build(PlanDefinition plan, List<RuleSource> sources, List<CatalogProblem> problems) {
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
        StatedCriteria.Result criteria = new StatedCriteria(sources, settings.loadTimeout()).collect(compiled.kieBase(), plan, plan.rulesFolder());
        problems.addAll(criteria.problems());
        List<RuleFile> files = sources.stream().map(s -> new RuleFile(s.path(), s.ruleNames())).toList();
        Map<String, String> ruleFiles = new LinkedHashMap<>();
        Map<String, Integer> ruleLines = new LinkedHashMap<>();
        sources.forEach(source -> source.ruleNames().forEach(rule -> {
            ruleFiles.put(source.packageName() + "/" + rule, source.path());
            ruleLines.put(source.packageName() + "/" + rule, source.lineOf(rule));
        }));
        RuleSet set = new RuleSet(plan.code(), RuleCompiler.version(sources), clock.instant(), files, criteria.criteria(),
                Map.copyOf(ruleFiles), Map.copyOf(ruleLines), criteria.terms(), compiled.kieBase());
        return Optional.of(new Built(set, sources));
    }

    /** Writes a stored version back into the folder: its files as they were, and no other DRL file beside them. */
    void restore(PlanDefinition plan, Map<String, String> files) {
        try {
            for (Path folder : List.of(rulesDir.resolve(COMMON), rulesDir.resolve(plan.rulesFolder()).normalize())) {
                for (Path file : drlFiles(folder)) {
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
                Files.writeString(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> drlFiles(Path folder) {
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
