package org.duban.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies {@code rules/tasks} into folders {@code v1 … vK}, each with the targets scaled by its own
 * factor between ×0.6 and ×1.4: quantities (新增, 达到, quotas) by the full factor, rates and growth
 * rates by a quarter of it (×0.9…×1.1, never above 100 %), so every variant stays a plausible plan.
 */
final class TargetVariants {

    /** A comparator call whose numbers are targets: {@code .atLeast(720)}, {@code .between(2, 3)}. */
    private static final Pattern TARGET = Pattern.compile("\\.(atLeast|atMost|holdAtLeast|holdAtMost|between|from)\\(([^)]*)\\)");
    private static final Pattern INDICATOR = Pattern.compile("Criterion\\.of\\(\"([^\"]+)\"\\)");

    private final Path source;

    TargetVariants(Path source) {
        this.source = source;
    }

    static double factor(int variant, int count) {
        return count == 1 ? 1.0 : 0.6 + 0.8 * (variant - 1) / (count - 1);
    }

    void write(Path rules, int count) throws IOException {
        Map<String, String> kinds = kinds(Files.readString(source.resolve("config/plans/zhoucun-2023.yaml"), StandardCharsets.UTF_8));
        for (int variant = 1; variant <= count; variant++) {
            Path folder = Files.createDirectories(rules.resolve("v" + variant));
            double factor = factor(variant, count);
            try (Stream<Path> files = Files.list(source.resolve("rules/tasks"))) {
                for (Path drl : (Iterable<Path>) files::iterator) {
                    String text = Files.readString(drl, StandardCharsets.UTF_8).replace("package tasks;", "package v" + variant + ";");
                    Files.writeString(folder.resolve(drl.getFileName().toString()), scaled(text, kinds, factor), StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** Scales each criterion line by the factor its indicator's kind allows. */
    static String scaled(String drl, Map<String, String> kinds, double factor) {
        StringBuilder out = new StringBuilder();
        for (String line : drl.split("\n", -1)) {
            Matcher indicator = INDICATOR.matcher(line);
            if (!indicator.find()) {
                out.append(line).append('\n');
                continue;
            }
            String kind = kinds.getOrDefault(indicator.group(1), "");
            boolean rate = kind.equals("RATE") || kind.equals("GROWTH");
            double applied = rate ? 1 + (factor - 1) / 4 : factor;
            Matcher target = TARGET.matcher(line);
            StringBuilder scaledLine = new StringBuilder();
            while (target.find()) {
                StringBuilder args = new StringBuilder();
                for (String number : target.group(2).split(",")) {
                    args.append(args.isEmpty() ? "" : ", ").append(scale(number.strip(), applied, kind.equals("RATE")));
                }
                target.appendReplacement(scaledLine, Matcher.quoteReplacement("." + target.group(1) + "(" + args + ")"));
            }
            target.appendTail(scaledLine);
            out.append(scaledLine).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static String scale(String number, double factor, boolean percent) {
        BigDecimal original = new BigDecimal(number);
        BigDecimal value = original.multiply(BigDecimal.valueOf(factor));
        if (percent && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            value = BigDecimal.valueOf(100);
        }
        int scale = Math.max(0, original.stripTrailingZeros().scale());
        value = value.setScale(scale, RoundingMode.HALF_UP);
        if (original.signum() > 0 && value.signum() == 0) {
            value = original; // a target of 1 stays 1 rather than becoming 0
        }
        return value.toPlainString();
    }

    /** Indicator code → kind, read from the plan's YAML (each {@code - code:} line is followed by its kind). */
    static Map<String, String> kinds(String plan) {
        Map<String, String> kinds = new HashMap<>();
        String code = null;
        for (String line : plan.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("- code: T")) {
                code = trimmed.substring("- code: ".length()).strip();
            } else if (trimmed.startsWith("kind: ") && code != null) {
                kinds.put(code, trimmed.substring("kind: ".length()).strip());
                code = null;
            }
        }
        return kinds;
    }
}
