package org.duban.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.duban.catalog.CatalogProblem;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSessionsPool;
import org.drools.model.codegen.ExecutableModelProject;

/**
 * Compiles DRL files into a rule base with the executable model: every constraint and consequence
 * becomes a class, so {@link RuleBytecodeCheck} can check all a rule references before any of it
 * runs (the plain DRL compiler leaves constraints as interpreted MVEL, out of sight). It costs about
 * a second more per build of today's rules.
 */
final class RuleCompiler {

    /** Sessions kept ready per rule base: one per core of the machines this runs on is plenty. */
    static final int SESSIONS_KEPT = 2;

    /** Each build gets its own module version, so builds never see each other's leftovers. */
    private static final AtomicLong GENERATION = new AtomicLong();

    /** @param sessions evaluation sessions of this base, reused (see {@link RuleSet#newSession()}); null when refused */
    record Result(KieBase kieBase, KieSessionsPool sessions, List<CatalogProblem> problems) {

        Result(KieBase kieBase, List<CatalogProblem> problems) {
            this(kieBase, kieBase == null ? null : kieBase.newKieSessionsPool(SESSIONS_KEPT), problems);
        }

        boolean ok() {
            return problems.isEmpty();
        }
    }

    Result compile(List<RuleSource> sources) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId release = services.newReleaseId("org.duban", "rules", "1.0." + GENERATION.incrementAndGet());
        files.generateAndWritePomXML(release);
        for (RuleSource source : sources) {
            files.write("src/main/resources/" + source.compiledResource(),
                    services.getResources().newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8)));
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        try {
            List<CatalogProblem> problems = new ArrayList<>();
            for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
                problems.add(new CatalogProblem(shownPath(message.getPath(), sources), Math.max(message.getLine(), 0), "",
                        "规则编译错误: " + message.getText().strip()));
            }
            if (!problems.isEmpty()) {
                return new Result(null, problems);
            }
            // checked before the rule base is created: creating it already runs generated code (rule metadata, initialisers)
            problems.addAll(new RuleBytecodeCheck(sources).check(compiledClasses(builder)));
            if (!problems.isEmpty()) {
                return new Result(null, problems);
            }
            KieBase kieBase = services.newKieContainer(release).getKieBase();
            return new Result(kieBase, List.of());
        } finally {
            services.getRepository().removeKieModule(release);
        }
    }

    private static Map<String, byte[]> compiledClasses(KieBuilder builder) {
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : module.getFileNames()) {
            files.put(name, module.getBytes(name));
        }
        return RuleBytecodeCheck.classesOf(files);
    }

    /** A short, stable fingerprint of what was compiled: paths and contents. */
    static String version(List<RuleSource> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleSource source : sources) {
                digest.update(source.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(source.content());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shownPath(String kiePath, List<RuleSource> sources) {
        if (kiePath == null) {
            return "rules";
        }
        for (RuleSource source : sources) {
            if (kiePath.endsWith(source.compiledResource())) {
                return source.path();
            }
        }
        return kiePath;
    }
}
