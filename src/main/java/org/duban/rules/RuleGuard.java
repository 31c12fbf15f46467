package org.duban.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.catalog.CatalogProblem;

/**
 * An early, plain word on imports: a rule file importing anything outside the judging vocabulary
 * is refused at the import's line before the (slower) compile. It is a courtesy, not the guard:
 * names can be spelled without importing them, so {@link RuleBytecodeCheck} checks what was
 * actually compiled. A list of forbidden words used to stand here; it was both bypassable
 * ({@code getClassLoader().loadClass(…)}) and wrong about innocent words, and is gone.
 */
final class RuleGuard {

    private static final List<String> ALLOWED_IMPORTS = List.of(
            "org.duban.rules.facts.", "org.duban.catalog.IndicatorKind", "java.math.", "java.time.", "java.util.");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:function\\s+|static\\s+)?([\\w.$*]+)\\s*;?");

    List<CatalogProblem> check(RuleSource source) {
        List<CatalogProblem> problems = new ArrayList<>();
        String[] lines = codeOnly(source.text()).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher imported = IMPORT.matcher(line);
            if (imported.find()) {
                String name = imported.group(1);
                if (ALLOWED_IMPORTS.stream().noneMatch(name::startsWith)) {
                    problems.add(problem(source, i + 1, "不允许引入 " + name + "（规则只能使用 org.duban.rules.facts、IndicatorKind 及 java.math、java.time、java.util）"));
                }
            }
        }
        return problems;
    }

    private static CatalogProblem problem(RuleSource source, int line, String message) {
        return new CatalogProblem(source.path(), line, "", message);
    }

    /** Blanks comments and string literals, keeping line breaks so line numbers stay right. */
    static String codeOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                i += 2;
                while (i < text.length() && !(text.charAt(i) == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                i += 2;
            } else if (c == '"') {
                out.append('"');
                i++;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                out.append('"');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
