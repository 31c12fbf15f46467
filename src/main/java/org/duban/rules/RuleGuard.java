package org.duban.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.catalog.CatalogProblem;

/**
 * Rules are code that Duban runs, so they may use only the judging vocabulary: the fact types of
 * {@code org.duban.rules.facts}, the indicator kinds, and plain values from {@code java.math},
 * {@code java.time} and {@code java.util}. Anything that reaches files, processes, the network,
 * reflection or the engine itself is refused before compiling, with file and line.
 */
final class RuleGuard {

    private static final List<String> ALLOWED_IMPORTS = List.of(
            "org.duban.rules.facts.", "org.duban.catalog.IndicatorKind", "java.math.", "java.time.", "java.util.");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:function\\s+|static\\s+)?([\\w.$*]+)\\s*;?");

    /** Names whose mere appearance in code (outside comments and strings) is refused. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(java\\s*\\.\\s*(io|nio|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke)|javax|jakarta|sun|com\\s*\\.\\s*sun"
                    + "|Runtime|ProcessBuilder|Process|System|Thread|ThreadGroup|ClassLoader|Class|Unsafe|Socket|ServerSocket|URL|URI"
                    + "|HttpClient|Files|Paths|File|FileInputStream|FileOutputStream|getClass|forName|getKieRuntime|getKieBase"
                    + "|kcontext|exec|exit|halt|setAccessible|getDeclaredMethod|getMethod|newInstance)\\b");

    List<CatalogProblem> check(RuleSource source) {
        List<CatalogProblem> problems = new ArrayList<>();
        String[] lines = codeOnly(new String(source.content(), StandardCharsets.UTF_8)).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher imported = IMPORT.matcher(line);
            if (imported.find()) {
                String name = imported.group(1);
                if (ALLOWED_IMPORTS.stream().noneMatch(name::startsWith)) {
                    problems.add(problem(source, i + 1, "不允许引入 " + name + "（规则只能使用 org.duban.rules.facts、IndicatorKind 及 java.math、java.time、java.util）"));
                }
                continue;
            }
            Matcher forbidden = FORBIDDEN.matcher(line);
            if (forbidden.find()) {
                problems.add(problem(source, i + 1, "规则中不允许使用 " + forbidden.group(1).replaceAll("\\s", "")
                        + "（规则不得读写文件、访问网络、启动进程、使用反射或操作规则引擎）"));
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
