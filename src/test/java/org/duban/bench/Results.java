package org.duban.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** One line per measurement, printed and appended to a TSV file that bench/run.sh turns into a table. */
final class Results {

    private final Path file;
    private final int scale;
    private final String database;

    Results(Path file, int scale, String database) {
        this.file = file;
        this.scale = scale;
        this.database = database;
    }

    void add(String metric, double value, String unit) {
        String line = String.format(Locale.ROOT, "%d\t%s\t%s\t%s\t%s%n", scale, database, metric,
                value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value), unit);
        System.out.print("[bench] " + line);
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
