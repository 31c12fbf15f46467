package org.duban.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A line diff between two versions of the rule files, as a reader wants it in the history:
 * per changed file its removed ({@code -}) and added ({@code +}) lines with their line numbers.
 * Longest common subsequence; rule files are small (a few hundred lines).
 */
final class RuleDiff {

    private RuleDiff() {
    }

    static String of(Map<String, String> before, Map<String, String> after) {
        StringBuilder diff = new StringBuilder();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            String old = before.get(path);
            String now = after.get(path);
            if (old != null && old.equals(now)) {
                continue;
            }
            diff.append(old == null ? "新增 " : now == null ? "删除 " : "修改 ").append(path).append('\n');
            lines(diff, old == null ? List.of() : old.lines().toList(), now == null ? List.of() : now.lines().toList());
        }
        return diff.toString();
    }

    private static void lines(StringBuilder diff, List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (j == b.size() || (i < a.size() && common[i + 1][j] >= common[i][j + 1])) {
                diff.append(String.format("-%4d %s\n", i + 1, a.get(i++)));
            } else {
                diff.append(String.format("+%4d %s\n", j + 1, b.get(j++)));
            }
        }
    }
}
