package org.duban.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its file, line and field path, so that every value read from a
 * plan file can be blamed on its exact place. Reading never throws for bad content: it records a
 * problem and returns an empty value, so one pass reports every mistake in a file.
 */
final class YamlNode {

    private final Node node;
    private final String file;
    private final String field;
    private final Problems problems;

    private YamlNode(Node node, String file, String field, Problems problems) {
        this.node = node;
        this.file = file;
        this.field = field;
        this.problems = problems;
    }

    /** Parses a file; a syntax error is recorded with its line and gives an empty result. */
    static Optional<YamlNode> parse(Path path, String displayName, Problems problems) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                problems.add(displayName, 0, "", "文件为空");
                return Optional.empty();
            }
            return Optional.of(new YamlNode(root, displayName, "", problems));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(displayName, line, "", "YAML 格式错误: " + e.getProblem());
            return Optional.empty();
        } catch (IOException e) {
            problems.add(displayName, 0, "", "无法读取文件: " + e.getMessage());
            return Optional.empty();
        }
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    String field() {
        return field;
    }

    void problem(String message) {
        problems.add(file, line(), field, message);
    }

    /** The child under {@code key}; records "缺少字段" when it is absent. */
    Optional<YamlNode> child(String key) {
        Optional<YamlNode> child = optionalChild(key);
        if (child.isEmpty() && node instanceof MappingNode) {
            problems.add(file, line(), join(key), "缺少字段 " + key);
        }
        return child;
    }

    Optional<YamlNode> optionalChild(String key) {
        if (!(node instanceof MappingNode mapping)) {
            problem("应为键值映射");
            return Optional.empty();
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(new YamlNode(tuple.getValueNode(), file, join(key), problems));
            }
        }
        return Optional.empty();
    }

    /** Records a problem for every key not in {@code allowed}, to catch misspelt fields. */
    void allowKeys(Set<String> allowed) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && !allowed.contains(k.getValue())) {
                    problems.add(file, k.getStartMark().getLine() + 1, join(k.getValue()), "未知字段 " + k.getValue() + "，可用字段: " + String.join(", ", allowed));
                }
            }
        }
    }

    String text(String key) {
        return child(key).map(YamlNode::scalar).orElse("");
    }

    Optional<String> optionalText(String key) {
        return optionalChild(key).map(YamlNode::scalar).filter(value -> !value.isEmpty());
    }

    int integer(String key) {
        return child(key).map(YamlNode::asInteger).orElse(0);
    }

    <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type, String what) {
        return child(key).flatMap(child -> {
            String value = child.scalar();
            try {
                return Optional.of(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>();
                for (E constant : type.getEnumConstants()) {
                    names.add(constant.name());
                }
                child.problem("未知" + what + " \"" + value + "\"，可选: " + String.join(", ", names));
                return Optional.empty();
            }
        });
    }

    List<YamlNode> list(String key) {
        return child(key).map(YamlNode::items).orElse(List.of());
    }

    /** The items of an optional list; none when the key is absent. */
    List<YamlNode> optionalList(String key) {
        return optionalChild(key).map(YamlNode::items).orElse(List.of());
    }

    List<String> texts(String key) {
        return list(key).stream().map(YamlNode::scalar).toList();
    }

    /** Reads each item with {@code reader}, reporting items whose {@code key} repeats. */
    <T> List<T> uniqueItems(String key, String uniqueKey, Function<YamlNode, T> reader) {
        Set<String> seen = new HashSet<>();
        List<T> result = new ArrayList<>();
        for (YamlNode item : list(key)) {
            String id = item.optionalChild(uniqueKey).map(YamlNode::scalar).orElse("");
            if (!id.isEmpty() && !seen.add(id)) {
                item.problem("重复的 " + uniqueKey + " \"" + id + "\"");
                continue;
            }
            result.add(reader.apply(item));
        }
        return result;
    }

    private List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            problem("应为列表");
            return List.of();
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new YamlNode(sequence.getValue().get(i), file, field + "[" + i + "]", problems));
        }
        return items;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    String scalar() {
        if (!(node instanceof ScalarNode scalar)) {
            problem("应为单个值");
            return "";
        }
        return scalar.getValue().trim();
    }

    private int asInteger() {
        String value = scalar();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problem("应为整数，实为 \"" + value + "\"");
            return 0;
        }
    }

    private String join(String key) {
        return field.isEmpty() ? key : field + "." + key;
    }
}
