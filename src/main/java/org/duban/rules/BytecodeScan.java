package org.duban.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the classes Drools generated from the rules (executable model: constraints, consequences,
 * rule definitions, functions) and finds what a rule must not do: reference anything outside
 * {@link RuleVocabulary}, loop (a backward jump), recurse (a cycle of calls between generated
 * methods) or define classes of its own. Each finding carries the rules it came from, traced
 * from the generated rule-definition methods through every lambda class they use.
 */
final class BytecodeScan {

    enum Kind { REFERENCE, LOOP, RECURSION, CLASS }

    /** What was found, where, and the rules ({@code package/name}) whose code it is. */
    record Finding(Kind kind, String what, String className, String method, Set<String> rules) {
    }

    /**
     * The names drools-model-codegen gives its classes; anything else came from the rule text (declare, an anonymous class).
     * A package of more than 1,000 rules (a criteria table of many regions) has its rule list split into
     * {@code Rules…Rules0}, {@code Rules…Rules1} …
     */
    private static final Pattern GENERATED = Pattern.compile(
            "([\\w/]+/)?(Rules[0-9A-F]{32}(RuleMethods\\d+|Rules\\d+)?|P[0-9A-F]{2}/Lambda[A-Za-z]+[0-9A-F]{32}"
                    + "|DomainClassesMetadata[0-9A-F]{32}(\\$\\w+_Metadata)?)|org/drools/project/model/ProjectModel_\\w+");
    private static final String PROJECT_MODEL = "org/drools/project/model/ProjectModel_";
    private static final String DSL = "org/drools/modelcompiler/dsl/pattern/D";

    private final Map<String, byte[]> classes;
    private final List<Finding> raw = new ArrayList<>();
    /** method key or class name → what it references among the generated classes and methods */
    private final Map<String, Set<String>> references = new HashMap<>();
    private final Map<String, Set<String>> calls = new HashMap<>();
    private final Map<String, Set<String>> methodsOfClass = new HashMap<>();
    private final Map<String, String> ruleOfMethod = new HashMap<>();

    /** @param classes internal name ({@code tasks/P12/LambdaConsequence…}) → class file */
    BytecodeScan(Map<String, byte[]> classes) {
        this.classes = classes;
    }

    List<Finding> scan() {
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            if (!GENERATED.matcher(entry.getKey()).matches()) {
                raw.add(new Finding(Kind.CLASS, entry.getKey().replace('/', '.'), entry.getKey(), "", Set.of()));
            }
            new ClassReader(entry.getValue()).accept(new Reader(entry.getKey()), ClassReader.SKIP_FRAMES);
        }
        findRecursion();
        Map<String, Set<String>> origins = origins();
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : raw) {
            Set<String> rules = new LinkedHashSet<>(origins.getOrDefault(finding.className() + "." + finding.method(), Set.of()));
            rules.addAll(origins.getOrDefault(finding.className(), Set.of()));
            findings.add(new Finding(finding.kind(), finding.what(), finding.className(), finding.method(), rules));
        }
        return findings;
    }

    /** Which rules reach each generated method and class, starting from the rule-definition methods. */
    private Map<String, Set<String>> origins() {
        Map<String, Set<String>> origins = new HashMap<>();
        ruleOfMethod.forEach((method, rule) -> {
            List<String> todo = new ArrayList<>(List.of(method));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String node = todo.remove(todo.size() - 1);
                if (!seen.add(node)) {
                    continue;
                }
                origins.computeIfAbsent(node, n -> new LinkedHashSet<>()).add(rule);
                todo.addAll(references.getOrDefault(node, Set.of()));
                todo.addAll(methodsOfClass.getOrDefault(node, Set.of()));
            }
        });
        return origins;
    }

    /** A cycle of calls between generated methods (a function calling itself, two calling each other) may never end. */
    private void findRecursion() {
        Map<String, Integer> state = new HashMap<>();
        for (String method : calls.keySet()) {
            visit(method, state, new ArrayList<>());
        }
    }

    private void visit(String method, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(method);
        if (seen != null) {
            if (seen == 1) {
                String className = method.substring(0, method.indexOf('.'));
                raw.add(new Finding(Kind.RECURSION, simpleMethodName(method), className, method.substring(method.indexOf('.') + 1), Set.of()));
            }
            return;
        }
        state.put(method, 1);
        path.add(method);
        for (String callee : calls.getOrDefault(method, Set.of())) {
            visit(callee, state, path);
        }
        path.remove(path.size() - 1);
        state.put(method, 2);
    }

    private static String simpleMethodName(String methodKey) {
        String nameAndDescriptor = methodKey.substring(methodKey.indexOf('.') + 1);
        return nameAndDescriptor.substring(0, nameAndDescriptor.indexOf('('));
    }

    private boolean generated(String internalName) {
        return classes.containsKey(internalName);
    }

    private final class Reader extends ClassVisitor {

        private final String className;
        private final boolean projectModel;

        Reader(String className) {
            super(Opcodes.ASM9);
            this.className = className;
            this.projectModel = className.startsWith(PROJECT_MODEL);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            if (superName != null) {
                type(superName, "");
            }
            for (String implemented : interfaces) {
                type(implemented, "");
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            String method = name + descriptor;
            methodsOfClass.computeIfAbsent(className, c -> new LinkedHashSet<>()).add(className + "." + method);
            return new MethodReader(method);
        }

        void type(String type, String method) {
            if (!generated(elementOf(type)) && !RuleVocabulary.allowsType(type) && !(projectModel && RuleVocabulary.allowsInProjectModel(type))) {
                raw.add(new Finding(Kind.REFERENCE, elementOf(type).replace('/', '.'), className, method, Set.of()));
            }
        }

        void member(String owner, String name, String method) {
            if (generated(owner)) {
                return;
            }
            if (!RuleVocabulary.allowsMember(owner, name) && !(projectModel && RuleVocabulary.allowsInProjectModel(owner))) {
                raw.add(new Finding(Kind.REFERENCE, elementOf(owner).replace('/', '.') + "." + name, className, method, Set.of()));
            }
        }

        private static String elementOf(String type) {
            String element = type.replaceFirst("^\\[+", "");
            return element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : element;
        }

        private final class MethodReader extends MethodVisitor {

            private final String method;
            private final String key;
            private final Set<Label> passed = new HashSet<>();
            private final List<String> strings = new ArrayList<>();

            MethodReader(String method) {
                super(Opcodes.ASM9);
                this.method = method;
                this.key = className + "." + method;
            }

            @Override
            public void visitLabel(Label label) {
                passed.add(label);
            }

            @Override
            public void visitJumpInsn(int opcode, Label label) {
                if (passed.contains(label)) {
                    loop();
                }
            }

            @Override
            public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                switchTo(dflt, labels);
            }

            @Override
            public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                switchTo(dflt, labels);
            }

            private void switchTo(Label dflt, Label[] labels) {
                if (passed.contains(dflt) || List.of(labels).stream().anyMatch(passed::contains)) {
                    loop();
                }
            }

            private void loop() {
                raw.add(new Finding(Kind.LOOP, "", className, method, Set.of()));
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                if (type != null) {
                    type(type, method);
                }
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                if (generated(owner)) {
                    String callee = owner + "." + name + descriptor;
                    calls.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(callee);
                    reference(callee);
                } else if (owner.equals(DSL) && (name.equals("rule") || name.equals("query")) && strings.size() >= 2) {
                    ruleOfMethod.putIfAbsent(key, strings.get(strings.size() - 2) + "/" + strings.get(strings.size() - 1));
                }
                member(owner, name, method);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                if (generated(owner) && owner.contains("/Lambda")) {
                    // a lambda class's INSTANCE: the rule uses all of that class (not so the Rules class's fields)
                    reference(owner);
                }
                member(owner, name, method);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                type(type, method);
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
                type(descriptor, method);
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof String string) {
                    strings.add(string);
                } else if (value instanceof Type type && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
                    type(type.getInternalName(), method);
                } else if (value instanceof Handle handle) {
                    handle(handle);
                } else if (value instanceof ConstantDynamic) {
                    raw.add(new Finding(Kind.REFERENCE, "ConstantDynamic", className, method, Set.of()));
                }
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                String factory = bootstrap.getOwner() + "." + bootstrap.getName();
                if (factory.equals("java/lang/invoke/StringConcatFactory.makeConcatWithConstants")) {
                    return;
                }
                if (!factory.equals("java/lang/invoke/LambdaMetafactory.metafactory") && !factory.equals("java/lang/invoke/LambdaMetafactory.altMetafactory")) {
                    raw.add(new Finding(Kind.REFERENCE, bootstrap.getOwner().replace('/', '.') + "." + bootstrap.getName(), className, method, Set.of()));
                    return;
                }
                for (Object argument : arguments) {
                    if (argument instanceof Handle handle) {
                        handle(handle);
                    }
                }
            }

            /** A lambda's body or a method reference: a call like any other. */
            private void handle(Handle handle) {
                visitMethodInsn(Opcodes.INVOKESTATIC, handle.getOwner(), handle.getName(), handle.getDesc(), handle.isInterface());
            }

            private void reference(String target) {
                references.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(target);
            }
        }
    }
}
