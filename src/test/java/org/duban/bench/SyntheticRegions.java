package org.duban.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a complete {@code config/} and {@code rules/} tree for {@code scale} counties, each a copy
 * of the bundled 周村区 with its own code, departments and plan: country → provinces (136 counties
 * each) → cities (8 counties each) → counties. Targets vary through {@link TargetVariants}: each
 * county's plan names one of up to 8 rules folders whose targets are the 2023 plan's scaled
 * ×0.6…×1.4, so counties of one variant share one compiled KieBase, as a provincial template would.
 *
 * <p>{@code java … org.duban.bench.SyntheticRegions <scale> <output dir>} (the repository root is the
 * working directory, where {@code config/} and {@code rules/} are read from).
 */
public final class SyntheticRegions {

    static final int COUNTIES_PER_CITY = 8;
    static final int COUNTIES_PER_PROVINCE = 136;
    static final int MAX_VARIANTS = 8;

    private final Path source;
    private final int scale;

    SyntheticRegions(Path source, int scale) {
        if (scale < 1 || scale > 9999) {
            throw new IllegalArgumentException("规模应在 1 到 9999 个县之间，实为 " + scale);
        }
        this.source = source;
        this.scale = scale;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("用法: SyntheticRegions <县的个数: 1|8|136|3000> <输出目录>");
        }
        Path out = Path.of(args[1]);
        Tree tree = new SyntheticRegions(Path.of("."), Integer.parseInt(args[0])).write(out);
        System.out.printf("已生成 %d 个县、%d 套规则变体: %s%n", tree.counties().size(), tree.variants(), out.toAbsolutePath());
    }

    /** What was written: the county codes in order and how many rules folders they share. */
    record Tree(Path config, Path rules, List<String> counties, int variants) {
    }

    static String county(int index) {
        return String.format("x%04d", index + 1);
    }

    static String plan(int index) {
        return county(index) + "-2023";
    }

    static int variants(int scale) {
        return Math.min(MAX_VARIANTS, scale);
    }

    /** The rules folder of a county: counties take the variants in turn, so every variant has counties at every scale. */
    static String variantOf(int index, int scale) {
        return "v" + (index % variants(scale) + 1);
    }

    Tree write(Path out) throws IOException {
        clear(out);
        Path config = Files.createDirectories(out.resolve("config"));
        Path regions = Files.createDirectories(config.resolve("regions"));
        Path plans = Files.createDirectories(config.resolve("plans"));
        Path rules = Files.createDirectories(out.resolve("rules"));
        copyFolder(source.resolve("rules/common"), rules.resolve("common"));
        new TargetVariants(source).write(rules, variants(scale));

        String county = Files.readString(source.resolve("config/regions/zhoucun.yaml"), StandardCharsets.UTF_8);
        String plan = Files.readString(source.resolve("config/plans/zhoucun-2023.yaml"), StandardCharsets.UTF_8);
        Files.writeString(regions.resolve("cn.yaml"), region("cn", "全国（合成）", null), StandardCharsets.UTF_8);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < scale; i++) {
            String province = province(i);
            String city = city(i);
            if (i % COUNTIES_PER_PROVINCE == 0) {
                Files.writeString(regions.resolve(province + ".yaml"), region(province, "合成省" + province.substring(1), "cn"), StandardCharsets.UTF_8);
            }
            if (i % COUNTIES_PER_CITY == 0) {
                Files.writeString(regions.resolve(city + ".yaml"), region(city, "合成市" + city.substring(1), province), StandardCharsets.UTF_8);
            }
            String code = county(i);
            codes.add(code);
            Files.writeString(regions.resolve(code + ".yaml"), countyFile(county, code, city), StandardCharsets.UTF_8);
            Files.writeString(plans.resolve(plan(i) + ".yaml"), planFile(plan, i), StandardCharsets.UTF_8);
        }
        return new Tree(config, rules, codes, variants(scale));
    }

    static String province(int index) {
        return String.format("s%02d", index / COUNTIES_PER_PROVINCE + 1);
    }

    static String city(int index) {
        return String.format("c%03d", index / COUNTIES_PER_CITY + 1);
    }

    private static String region(String code, String name, String parent) {
        return "code: " + code + "\nname: " + name + "\n" + (parent == null ? "" : "parent: " + parent + "\n") + "departments: []\n";
    }

    /** 周村区's registry under the county's code: the same department names, so the copied plan names them. */
    private static String countyFile(String zhoucun, String code, String city) {
        return replaceLine(replaceLine(replaceLine(zhoucun, "code: zhoucun", "code: " + code),
                "name: 周村区", "name: 合成县" + code.substring(1)), "parent: zibo", "parent: " + city)
                .replace("@zhoucun.example", "@" + code + ".example");
    }

    private String planFile(String zhoucun, int index) {
        String code = county(index);
        String text = replaceLine(zhoucun, "code: zhoucun-2023", "code: " + plan(index));
        text = replaceLine(text, "region: zhoucun", "region: " + code);
        text = replaceLine(text, "rules: tasks", "rules: " + variantOf(index, scale));
        return text.replaceFirst("(?m)^name: 周村区", "name: 合成县" + code.substring(1))
                .replaceFirst("(?m)^document: .*$", "document: 合成数据〔2023〕" + (index + 1) + "号");
    }

    static String replaceLine(String text, String from, String to) {
        String replaced = text.replaceFirst("(?m)^" + java.util.regex.Pattern.quote(from) + "$", java.util.regex.Matcher.quoteReplacement(to));
        if (replaced.equals(text)) {
            throw new IllegalArgumentException("模板中没有这一行: " + from);
        }
        return replaced;
    }

    static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    /** A generated tree is thrown away whole, so a smaller scale never inherits a bigger one's plans. */
    private static void clear(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> old = Files.walk(out)) {
            old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
