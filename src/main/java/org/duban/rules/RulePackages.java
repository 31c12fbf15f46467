package org.duban.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import org.duban.catalog.CatalogProblem;

/**
 * A rule file's package is its folder under {@code rules/}, {@code /} read as {@code .}:
 * {@code rules/common} → {@code common}, {@code rules/zibo/districts} → {@code zibo.districts}. Drools
 * warns of every file whose package differs from its folder, and two folders declaring one
 * package would mix their rules' names; so a mismatch is a load error, at the package line.
 */
final class RulePackages {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RulePackages() {
    }

    /** The package a file under rules/ must declare: {@code zibo/districts/t01.drl} → {@code zibo.districts}. */
    static String expected(String resource) {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? "" : resource.substring(0, slash).replace('/', '.');
    }

    /** Why a folder under rules/ cannot be a package, if it cannot. */
    static Optional<String> invalidFolder(String folder) {
        for (String segment : folder.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || SourceVersion.isKeyword(segment)) {
                return Optional.of("目录名 \"" + segment + "\" 不能用作 package 名（只能用字母、数字和下划线，不以数字开头，不用 Java 关键字）");
            }
        }
        return Optional.empty();
    }

    static List<CatalogProblem> check(RuleSource source) {
        String expected = expected(source.resource());
        Optional<String> invalid = invalidFolder(expected.replace('.', '/'));
        String field = source.isTable() ? "工作表 RuleSet B 列" : "package";
        if (invalid.isPresent()) {
            return List.of(new CatalogProblem(source.path(), 0, "", "规则文件所在的" + invalid.get()));
        }
        if (!source.packageName().equals(expected)) {
            String actual = source.packageName().isEmpty() ? "（未声明）" : source.packageName();
            return List.of(new CatalogProblem(source.path(), Math.max(source.packageLine(), 1), field,
                    "规则文件 " + source.path() + " 的 package 应为 " + expected + "（与所在目录一致），实为 " + actual));
        }
        return List.of();
    }
}
