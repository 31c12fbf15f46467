package org.duban.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The published plan (the seed document, kept in test resources) read independently of Duban's
 * YAML: each numbered task with its title, lead and cooperating departments and its numbers.
 */
record SeedText(List<SeedTask> tasks) {

    record SeedTask(int number, String title, String body, List<String> lead, List<String> co) {
    }

    private static final Pattern TASK_START = Pattern.compile("^(\\d{1,2})\\.\\s*(.*)$");
    private static final Pattern DEPARTMENTS = Pattern.compile("[（(]([^（()）]*)[）)]\\s*$");

    static SeedText read() throws IOException {
        try (InputStream in = SeedText.class.getResourceAsStream("/seed/zhoucun-2023-key-tasks.md")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<SeedTask> tasks = new ArrayList<>();
            StringBuilder current = null;
            int number = 0;
            for (String line : text.lines().toList()) {
                String trimmed = line.strip();
                Matcher start = TASK_START.matcher(trimmed);
                if (start.matches()) {
                    if (current != null) {
                        tasks.add(task(number, current.toString()));
                    }
                    number = Integer.parseInt(start.group(1));
                    current = new StringBuilder(start.group(2));
                } else if (current != null && (trimmed.startsWith("#") || trimmed.startsWith("---"))) {
                    tasks.add(task(number, current.toString()));
                    current = null;
                } else if (current != null) {
                    current.append(trimmed);
                }
            }
            return new SeedText(tasks);
        }
    }

    private static SeedTask task(int number, String text) {
        Matcher departments = DEPARTMENTS.matcher(text);
        if (!departments.find()) {
            throw new IllegalStateException("task " + number + " names no departments: " + text);
        }
        String group = departments.group(1);
        String body = text.substring(0, departments.start());
        String title = body.substring(0, body.indexOf('。'));
        List<String> lead;
        List<String> co = List.of();
        int leadEnd = group.indexOf("牵头");
        if (leadEnd >= 0) {
            lead = names(group.substring(0, leadEnd));
            String rest = group.substring(leadEnd + 2).replaceFirst("^[，,]", "");
            co = names(rest.substring(0, rest.lastIndexOf("配合")));
        } else if (group.contains("负责")) {
            lead = names(group.substring(0, group.indexOf("负责")));
        } else {
            lead = names(group);
        }
        return new SeedTask(number, title, body, lead, co);
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.replaceAll("等部门$|等$", "").split("、")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
