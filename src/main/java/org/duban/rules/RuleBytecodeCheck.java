package org.duban.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.catalog.CatalogProblem;
import org.duban.rules.BytecodeScan.Finding;
import org.duban.rules.BytecodeScan.Kind;

/**
 * The authority on what rules may do: checks the classes Drools compiled from them (constraints
 * and consequences alike, under the executable model) before any of it runs, and reports each
 * rule that reaches outside the judging vocabulary, loops or recurses, with its file and line.
 * Words in the source can be disguised; the references in the bytecode cannot.
 */
final class RuleBytecodeCheck {

    private static final String VOCABULARY = "规则只能使用判定词汇：org.duban.rules.facts、IndicatorKind、java.math、java.time、"
            + "java.lang 的值类型和 java.util 的集合；不得使用反射、类加载器、进程、线程、System、文件、网络或规则引擎本身";

    private final List<RuleSource> sources;

    RuleBytecodeCheck(List<RuleSource> sources) {
        this.sources = sources;
    }

    /** @param classes internal name → class file, every class compiled from the rules */
    List<CatalogProblem> check(Map<String, byte[]> classes) {
        Set<CatalogProblem> problems = new LinkedHashSet<>();
        for (Finding finding : new BytecodeScan(classes).scan()) {
            problems.addAll(place(finding));
        }
        return new ArrayList<>(problems);
    }

    private List<CatalogProblem> place(Finding finding) {
        List<CatalogProblem> placed = new ArrayList<>();
        CatalogProblem inFunction = placeInFunction(finding);
        if (inFunction != null) {
            return List.of(inFunction);
        }
        for (String rule : finding.rules()) {
            String packageName = rule.substring(0, rule.indexOf('/'));
            String name = rule.substring(rule.indexOf('/') + 1);
            for (RuleSource source : sources) {
                if (source.packageName().equals(packageName) && source.ruleLines().containsKey(name)) {
                    int line = source.isTable() ? source.lineOf(name) : line(source, source.lineOf(name), finding);
                    placed.add(new CatalogProblem(source.path(), line, "rule \"" + name + "\"", message(finding)));
                }
            }
        }
        if (placed.isEmpty()) {
            placed.add(placeOutsideRules(finding));
        }
        return placed;
    }

    /** Functions (DRL {@code function}) become methods of the generated Rules class; find the one by name. */
    private CatalogProblem placeInFunction(Finding finding) {
        String function = finding.method().contains("(") ? finding.method().substring(0, finding.method().indexOf('(')) : "";
        Pattern declared = Pattern.compile("^[ \\t]*function\\s+[\\w.<>\\[\\], ]+\\s+" + Pattern.quote(function) + "\\s*\\(", Pattern.MULTILINE);
        for (RuleSource source : sources) {
            Matcher matcher = declared.matcher(text(source));
            if (!function.isEmpty() && matcher.find()) {
                int line = lineAt(text(source), matcher.start());
                return new CatalogProblem(source.path(), line(source, line, finding), "function " + function, message(finding));
            }
        }
        return null;
    }

    private CatalogProblem placeOutsideRules(Finding finding) {
        String packageName = finding.className().contains("/") ? finding.className().substring(0, finding.className().indexOf('/')).replace('/', '.') : "";
        return sources.stream().filter(source -> source.packageName().equals(packageName)).findFirst()
                .map(source -> new CatalogProblem(source.path(), 0, "", message(finding)))
                .orElse(new CatalogProblem("rules", 0, "", message(finding)));
    }

    private static String message(Finding finding) {
        return switch (finding.kind()) {
            case REFERENCE -> "规则中不允许使用 " + finding.what() + "（" + VOCABULARY + "）";
            case LOOP -> "规则中不允许使用循环（while、for、do）：规则必须在有限的步骤内结束";
            case RECURSION -> "规则中不允许递归调用（" + finding.what() + " 直接或间接调用自身）：规则必须在有限的步骤内结束";
            case CLASS -> "规则中不允许定义类（" + finding.what() + "，如 declare 或匿名类）：规则只能使用判定词汇中的类型";
        };
    }

    /**
     * The line of the rule (or function) unless a line within it names what was found — the
     * member or type, or the loop keyword — which points the author at the very statement.
     */
    private static int line(RuleSource source, int start, Finding finding) {
        if (start <= 0) {
            return start;
        }
        String word = switch (finding.kind()) {
            case REFERENCE -> finding.what().substring(finding.what().lastIndexOf('.') + 1).replace("<init>", "");
            case LOOP -> "(while|for|do)";
            case RECURSION -> Pattern.quote(finding.what());
            case CLASS -> "";
        };
        if (finding.kind() == Kind.REFERENCE && finding.what().endsWith(".<init>")) {
            String type = finding.what().substring(0, finding.what().length() - ".<init>".length());
            word = type.substring(type.lastIndexOf('.') + 1);
        }
        if (word.isEmpty()) {
            return start;
        }
        if (finding.kind() == Kind.REFERENCE) {
            word = Pattern.quote(word.substring(word.lastIndexOf('$') + 1));
        }
        Pattern pattern = Pattern.compile("\\b" + word + "\\b");
        String[] lines = RuleGuard.codeOnly(text(source)).split("\n", -1);
        for (int i = start - 1; i < lines.length; i++) {
            if (i > start - 1 && lines[i].matches("^\\s*(rule|function|query)\\b.*")) {
                break;
            }
            if (pattern.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return start;
    }

    private static String text(RuleSource source) {
        return source.text();
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static Map<String, byte[]> classesOf(Map<String, byte[]> files) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                classes.put(name.substring(0, name.length() - ".class".length()), bytes);
            }
        });
        return classes;
    }
}
