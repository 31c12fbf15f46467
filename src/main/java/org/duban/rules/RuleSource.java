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

import org.duban.catalog.CatalogProblem;

/**
 * One rule file: its package and where each rule starts, so that problems found after compiling
 * (an unknown indicator, a wrong comparator) can name the file and line. A criteria table
 * ({@code .xlsx}, see {@link CriteriaTable}) is kept as its bytes, compiled as the DRL text made from
 * it, and places its rules by sheet and row.
 *
 * @param path      as the user sees it, e.g. {@code rules/tasks/t22.drl}
 * @param resource  the path under rules/, {@code <folder under rules>/t22.drl}
 * @param ruleLines each rule's line in {@link #drl}
 * @param content   the file as it is (the bytes of a table), what the version hash and the history keep
 * @param drl       the DRL text that is compiled: the file itself, or the text made from a table
 * @param places    a table's rules by sheet and row; empty for a DRL file
 * @param problems  what is wrong with a table's cells (nothing of it is compiled then)
 */
record RuleSource(Path file, String path, String resource, String packageName, int packageLine, Map<String, Integer> ruleLines,
                  byte[] content, String drl, Map<String, CriteriaTable.Place> places, List<CatalogProblem> problems) {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final String TABLE = ".xlsx";
    static final String STORED_TABLE = "xlsx;base64\n";

    static RuleSource read(Path rulesDir, Path file) {
        try {
            String resource = rulesDir.relativize(file).toString().replace('\\', '/');
            return of(rulesDir, resource, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file under rules/ is a rule file: DRL or a criteria table. */
    static boolean isRuleFile(String name) {
        return name.endsWith(".drl") || name.endsWith(TABLE);
    }

    /** A file of a stored rule set (see {@link RuleHistory}), as if it were under {@code rulesDir}. */
    static RuleSource of(Path rulesDir, String resource, byte[] content) {
        Path file = rulesDir.resolve(resource);
        String shown = (rulesDir.getFileName() == null ? "rules" : rulesDir.getFileName().toString()) + "/" + resource;
        if (resource.endsWith(TABLE)) {
            CriteriaTable.Converted table = new CriteriaTable(shown).convert(content);
            return new RuleSource(file, shown, resource, table.packageName(), 1, lines(table.drl()).rules(), content, table.drl(),
                    table.places(), table.problems());
        }
        String text = new String(content, StandardCharsets.UTF_8);
        Parsed parsed = lines(text);
        return new RuleSource(file, shown, resource, parsed.packageName(), parsed.packageLine(), parsed.rules(), content, text, Map.of(),
                List.of());
    }

    private record Parsed(String packageName, int packageLine, Map<String, Integer> rules) {
    }

    private static Parsed lines(String text) {
        List<String> lines = text.lines().toList();
        String packageName = "";
        int packageLine = 0;
        Map<String, Integer> rules = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher pkg = PACKAGE.matcher(lines.get(i));
            if (packageName.isEmpty() && pkg.find()) {
                packageName = pkg.group(1);
                packageLine = i + 1;
            }
            Matcher rule = RULE.matcher(lines.get(i));
            if (rule.find()) {
                rules.putIfAbsent(rule.group(1), i + 1);
            }
        }
        return new Parsed(packageName, packageLine, rules);
    }

    boolean isTable() {
        return resource.endsWith(TABLE);
    }

    /** The name the compiled module gives the DRL text: a table's gets {@code .drl} appended, in the same folder. */
    String compiledResource() {
        return isTable() ? resource + ".drl" : resource;
    }

    /** The DRL text (a table's as converted). */
    String text() {
        return drl;
    }

    /** The line shown for a rule: its line in a DRL file, its row in a table. */
    int lineOf(String rule) {
        CriteriaTable.Place place = places.get(rule);
        return place != null ? place.row() : ruleLines.getOrDefault(rule, 0);
    }

    /** A table rule's sheet, else empty. */
    String sheetOf(String rule) {
        CriteriaTable.Place place = places.get(rule);
        return place == null ? "" : place.sheet();
    }

    /** Where a rule is written, for messages: {@code rules/tasks/t22.drl 第 5 行}, {@code rules/zibo/criteria.xlsx 工作表 criteria 第 9 行}. */
    String placeOf(String rule) {
        String sheet = sheetOf(rule);
        return path + (sheet.isEmpty() ? "" : " 工作表 " + sheet) + " 第 " + lineOf(rule) + " 行";
    }

    /**
     * The file as the history keeps it (text): a DRL file as it is, a table as {@value #STORED_TABLE}
     * and its bytes in Base64, so a rollback restores the very bytes.
     */
    String storedText() {
        return isTable() ? STORED_TABLE + java.util.Base64.getMimeEncoder().encodeToString(content) : new String(content, StandardCharsets.UTF_8);
    }

    /** The bytes of a file kept as {@link #storedText()}. */
    static byte[] fromStored(String resource, String text) {
        if (resource.endsWith(TABLE) && text.startsWith(STORED_TABLE)) {
            return java.util.Base64.getMimeDecoder().decode(text.substring(STORED_TABLE.length()));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    List<String> ruleNames() {
        return List.copyOf(ruleLines.keySet());
    }
}
