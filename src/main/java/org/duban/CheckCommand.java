package org.duban;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar duban.jar check [--rules DIR] [--config DIR]}: checks a rules folder without Maven
 * and without a running Duban or a database server. It starts Duban's own application context (no web
 * server, no scheduler, an in-memory H2 database, none of the working directory's settings), so the
 * compile, the bytecode check, the plan checks, the intake's checks of given values and the judging
 * are the production code, then runs the workbench's check ({@link CommandLineCheck}). Exit 0 when everything passes, 1 when
 * anything fails, 2 on a wrong command line.
 */
public final class CheckCommand {

    private CheckCommand() {
    }

    public static int run(String[] args) {
        return run(args, new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    }

    public static int run(String[] args, PrintStream out) {
        Path rules = Path.of("rules");
        Path config = Path.of("config");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--rules") || arg.equals("--config")) && i + 1 < args.length) {
                Path dir = Path.of(args[++i]);
                if (arg.equals("--rules")) {
                    rules = dir;
                } else {
                    config = dir;
                }
            } else if (arg.startsWith("--rules=")) {
                rules = Path.of(arg.substring("--rules=".length()));
            } else if (arg.startsWith("--config=")) {
                config = Path.of(arg.substring("--config=".length()));
            } else {
                out.println("用法: java -jar duban.jar check [--rules 规则目录] [--config 配置目录]（未知参数 " + arg + "）");
                return 2;
            }
        }
        for (Path dir : List.of(rules, config)) {
            if (!Files.isDirectory(dir)) {
                out.println("目录不存在: " + dir.toAbsolutePath().normalize());
                return 2;
            }
        }
        Path data = temporaryDirectory();
        try (ConfigurableApplicationContext context = application().run(settings(rules, config, data))) {
            return context.getBean(CommandLineCheck.class).check(out) ? 0 : 1;
        }
    }

    private static SpringApplication application() {
        SpringApplication application = new SpringApplication(DubanApplication.class);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        return application;
    }

    /** Command-line properties outrank the environment, so a DUBAN_* or SPRING_* variable cannot point the check at a real database. */
    private static String[] settings(Path rules, Path config, Path data) {
        List<String> settings = new ArrayList<>(List.of(
                "--spring.config.location=classpath:/application.yml",
                "--spring.main.web-application-type=none",
                "--spring.datasource.url=jdbc:h2:mem:duban-check-" + UUID.randomUUID() + ";MODE=MariaDB;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.quartz.scheduler-name=duban-check-" + UUID.randomUUID(),
                "--duban.schedule.enabled=false",
                "--duban.demo=false",
                "--duban.rules.watch=false",
                "--duban.rules.mode=live",
                "--duban.rules-dir=" + rules.toAbsolutePath().normalize(),
                "--duban.config-dir=" + config.toAbsolutePath().normalize(),
                "--duban.data-dir=" + data,
                "--duban.admin-password=" + UUID.randomUUID(),
                "--logging.file.name=" + data.resolve("check.log"),
                "--logging.level.root=ERROR",
                "--logging.level.org.duban=OFF"));
        return settings.toArray(String[]::new);
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("duban-check");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
