package org.duban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A private copy of the repository's {@code config/} and {@code rules/} in a temporary folder,
 * for tests that break files on purpose. {@link #reset()} restores the originals.
 */
public final class ConfigCopy {

    private final Path root;

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

    public Path planFile() {
        return configDir().resolve("plans/zhoucun-2023.yaml");
    }

    public void reset() {
        copy(Path.of("config"), configDir());
        copy(Path.of("rules"), rulesDir());
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
            try (Stream<Path> files = Files.walk(from)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
