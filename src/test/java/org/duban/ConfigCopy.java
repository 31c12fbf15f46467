package org.duban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of the repository's {@code config/} and {@code rules/} in a temporary folder,
 * for tests that break files on purpose or run several plans side by side ({@link #withExample},
 * {@link #withNextYear}). {@link #reset()} restores the originals and the plans added.
 */
public final class ConfigCopy {

    private final Path root;
    private final List<Runnable> additions = new ArrayList<>();

    public ConfigCopy() {
        try {
            root = Files.createTempDirectory("duban-config-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reset();
    }

    public Path configDir() {
        return root.resolve("config");
    }

    public Path rulesDir() {
        return root.resolve("rules");
    }

    /** Points the application under test at this copy's {@code config/} and {@code rules/}. */
    public void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("duban.config-dir", () -> configDir().toString());
        registry.add("duban.rules-dir", () -> rulesDir().toString());
    }

    public Path planFile() {
        return configDir().resolve("plans/zhoucun-2023.yaml");
    }

    public void reset() {
        copy(Path.of("config"), configDir());
        copy(Path.of("rules"), rulesDir());
        additions.forEach(Runnable::run);
    }

    /**
     * Adds {@code config/examples/<name>/} as its README tells a user to: its regions and plans into
     * the config folder, its rules (a rules folder and scenarios) into the rules folder.
     */
    public ConfigCopy withExample(String name) {
        Path example = Path.of("config/examples", name);
        if (!Files.isDirectory(example)) {
            throw new IllegalArgumentException("no example " + example);
        }
        return add(() -> {
            copyInto(example.resolve("regions"), configDir().resolve("regions"));
            copyInto(example.resolve("plans"), configDir().resolve("plans"));
            copyInto(example.resolve("rules"), rulesDir());
        });
    }

    /**
     * Adds zhoucun-2024 beside zhoucun-2023, as next year's plan arrives: the same tasks (a copy of the
     * 2023 file with code, year, name and publication date changed) and a rules folder of its own,
     * {@code tasks2024} with {@code package tasks2024;}, whose deadlines are a year later. Generated here
     * rather than committed, so it cannot drift from the real plan.
     */
    public ConfigCopy withNextYear() {
        return add(() -> {
            try {
                String plan = Files.readString(planFile(), StandardCharsets.UTF_8);
                plan = replaceLine(plan, "code: zhoucun-2023", "code: zhoucun-2024");
                plan = replaceLine(plan, "year: 2023", "year: 2024");
                plan = replaceLine(plan, "published: 2023-06-09", "published: 2024-03-01");
                plan = replaceLine(plan, "rules: tasks", "rules: tasks2024");
                plan = plan.replaceFirst("(?m)^name: (.*)2023年", "name: $12024年").replaceFirst("(?m)^document: .*$", "document: 周政办字〔2024〕示例号");
                Files.writeString(configDir().resolve("plans/zhoucun-2024.yaml"), plan, StandardCharsets.UTF_8);
                Path folder = Files.createDirectories(rulesDir().resolve("tasks2024"));
                try (Stream<Path> files = Files.list(rulesDir().resolve("tasks"))) {
                    for (Path drl : (Iterable<Path>) files::iterator) {
                        String text = Files.readString(drl, StandardCharsets.UTF_8)
                                .replace("package tasks;", "package tasks2024;")
                                .replace("\"2023-", "\"2024-");
                        Files.writeString(folder.resolve(drl.getFileName().toString()), text, StandardCharsets.UTF_8);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Adds districts that are copies of the example {@code zhangdian} (call {@link #withExample}
     * first): for each code a region file and a plan {@code <code>-2023} naming the shared rules
     * folder {@code zhangdian}, as a city gives one task list to its districts. For tests that need
     * many regions, e.g. several evaluation partitions.
     */
    public ConfigCopy withDistrictsLikeZhangdian(String... codes) {
        return add(() -> {
            try {
                String region = Files.readString(Path.of("config/examples/zhangdian/regions/zhangdian.yaml"), StandardCharsets.UTF_8);
                String plan = Files.readString(Path.of("config/examples/zhangdian/plans/zhangdian-2023.yaml"), StandardCharsets.UTF_8);
                for (String code : codes) {
                    String copy = replaceLine(region, "code: zhangdian", "code: " + code);
                    copy = replaceLine(copy, "name: 张店区", "name: 示例区" + code);
                    Files.writeString(configDir().resolve("regions/" + code + ".yaml"), copy, StandardCharsets.UTF_8);
                    String planCopy = replaceLine(plan, "code: zhangdian-2023", "code: " + code + "-2023");
                    planCopy = replaceLine(planCopy, "region: zhangdian", "region: " + code);
                    planCopy = planCopy.replaceFirst("(?m)^name: 张店区", "name: 示例区" + code);
                    Files.writeString(configDir().resolve("plans/" + code + "-2023.yaml"), planCopy, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private ConfigCopy add(Runnable addition) {
        additions.add(addition);
        addition.run();
        return this;
    }

    private static String replaceLine(String text, String from, String to) {
        String replaced = text.replaceFirst("(?m)^" + java.util.regex.Pattern.quote(from) + "$", to);
        if (replaced.equals(text)) {
            throw new IllegalArgumentException("the plan has no line " + from);
        }
        return replaced;
    }

    /** Replaces the first occurrence of {@code from}, failing if the text is not there. */
    public void replace(Path file, String from, String to) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            if (!content.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(file, content.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based line of the first occurrence of {@code text} in {@code file}. */
    public int lineOf(Path file, String text) {
        try {
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException(file + " does not contain " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.walk(to)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copyInto(from, to);
    }

    /** Copies a folder's files over {@code to}, keeping what is there already. */
    private static void copyInto(Path from, Path to) {
        try {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
