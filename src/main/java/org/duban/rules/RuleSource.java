package org.duban.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One DRL file as text: its package and where each rule starts, so that problems found after
 * compiling (an unknown indicator, a wrong comparator) can name the file and line.
 *
 * @param path     as the user sees it, e.g. {@code rules/tasks/t22.drl}
 * @param resource the path inside the compiled module, {@code <folder under rules>/t22.drl}
 */
record RuleSource(Path file, String path, String resource, String packageName, Map<String, Integer> ruleLines, byte[] content) {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    static RuleSource read(Path rulesDir, Path file) {
        try {
            String resource = rulesDir.relativize(file).toString().replace('\\', '/');
            return of(rulesDir, resource, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of a stored rule set (see {@link RuleHistory}), as if it were under {@code rulesDir}. */
    static RuleSource of(Path rulesDir, String resource, byte[] content) {
        Path file = rulesDir.resolve(resource);
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
        String packageName = "";
        Map<String, Integer> rules = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher pkg = PACKAGE.matcher(lines.get(i));
            if (packageName.isEmpty() && pkg.find()) {
                packageName = pkg.group(1);
            }
            Matcher rule = RULE.matcher(lines.get(i));
            if (rule.find()) {
                rules.putIfAbsent(rule.group(1), i + 1);
            }
        }
        String shown = (rulesDir.getFileName() == null ? "rules" : rulesDir.getFileName().toString()) + "/" + resource;
        return new RuleSource(file, shown, resource, packageName, rules, content);
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    int lineOf(String rule) {
        return ruleLines.getOrDefault(rule, 0);
    }

    List<String> ruleNames() {
        return List.copyOf(ruleLines.keySet());
    }
}
