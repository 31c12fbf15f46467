package org.duban.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.catalog.CatalogProblem;

/**
 * Compiled rule bases by the version hash of their sources. The districts of a city share one task
 * list: their plans name one folder, so their sources are the same and compile once, in a load and
 * across loads while unchanged. The criteria are still stated per plan (they differ by region).
 * Bounded: the least recently used base goes first; a refusal is kept too, so a broken shared folder
 * is reported for every plan without compiling it for each.
 */
final class CompiledRuleBases {

    private final Map<String, RuleCompiler.Result> byVersion;
    private int compilations;

    CompiledRuleBases(int capacity) {
        this.byVersion = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RuleCompiler.Result> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The sources checked (cells of tables, packages, imports) and compiled, or what is wrong with them. */
    synchronized RuleCompiler.Result compile(List<RuleSource> sources) {
        String version = RuleCompiler.version(sources);
        RuleCompiler.Result known = byVersion.get(version);
        if (known != null) {
            return known;
        }
        RuleCompiler.Result result = checkAndCompile(sources);
        byVersion.put(version, result);
        return result;
    }

    /** How many times sources were actually compiled (for tests and the log). */
    synchronized int compilations() {
        return compilations;
    }

    private RuleCompiler.Result checkAndCompile(List<RuleSource> sources) {
        List<CatalogProblem> refused = new ArrayList<>();
        for (RuleSource source : sources) {
            refused.addAll(source.problems());
            if (source.problems().isEmpty()) {
                refused.addAll(RulePackages.check(source));
                refused.addAll(new RuleGuard().check(source));
            }
        }
        if (!refused.isEmpty()) {
            return new RuleCompiler.Result(null, List.copyOf(refused));
        }
        compilations++;
        return new RuleCompiler().compile(sources);
    }
}
