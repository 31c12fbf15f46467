package org.duban.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.duban.catalog.Department;
import org.duban.catalog.DepartmentNotChosen;
import org.duban.catalog.PlanCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The drop folder. A CSV or XLSX file placed in the inbox is imported by the scheduler and moved
 * to {@code processed/}, or, when anything in it is wrong, to {@code failed/} with a
 * {@code .errors.txt} beside it naming every error; nothing of a failed file is stored. Files
 * directly in the inbox are imported with office rights; files in a sub-folder named after a
 * department code (e.g. {@code inbox/keji/}) only for that department's indicators.
 *
 * <p>Each file is on its own: whatever goes wrong with one (it cannot be parsed, it is too large,
 * its name is too long to move as it is) sends that one to {@code failed/}, and the files after it
 * are still imported in the same pass, so one bad file never jams the folder.
 */
@Service
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    /** A file younger than this may still be being copied in. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /**
     * File times are written by the real clock, whatever day Duban's clock is pinned to, so a
     * file's age is measured by the real clock too (a pinned 2023 would never see a file settle).
     */
    private static final Clock FILE_TIMES = Clock.systemUTC();
    /** Bytes a moved file's name may take: 255 on common file systems, less room for ".errors.txt". */
    private static final int MAX_NAME_BYTES = 240;

    /** What one pass did. */
    public record Collected(List<String> processed, List<String> failed) {
    }

    private final ObservationFiles files;
    private final PlanCatalog catalog;
    private final CollectionSettings settings;
    private final Clock clock;

    Inbox(ObservationFiles files, PlanCatalog catalog, CollectionSettings settings, Clock clock) {
        this.files = files;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    public synchronized Collected collect() {
        Path inbox = settings.inbox();
        List<String> processed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            Files.createDirectories(inbox.resolve("processed"));
            Files.createDirectories(inbox.resolve("failed"));
            for (Path file : waiting(inbox)) {
                Path parent = file.getParent();
                Optional<Department> department = parent.equals(inbox) ? Optional.empty() : departmentOf(inbox, parent);
                if (!parent.equals(inbox) && department.isEmpty()) {
                    continue; // not a department's folder: leave it alone
                }
                (importOne(inbox, file, department) ? processed : failed).add(file.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取收件箱 " + inbox + ": " + e.getMessage(), e);
        }
        return new Collected(processed, failed);
    }

    /**
     * The department a folder of the inbox stands for: {@code inbox/<region>/<department>/}, or
     * {@code inbox/<department>/} where only one region has that department code.
     */
    private Optional<Department> departmentOf(Path inbox, Path folder) {
        String code = folder.getFileName().toString();
        if (folder.getParent().equals(inbox)) {
            try {
                return catalog.department(Optional.empty(), code);
            } catch (DepartmentNotChosen ambiguous) {
                return Optional.empty(); // a code several regions have needs its region's folder
            }
        }
        if (folder.getParent().getParent().equals(inbox)) {
            return catalog.department(folder.getParent().getFileName().toString(), code);
        }
        return Optional.empty();
    }

    private boolean importOne(Path inbox, Path file, Optional<Department> department) {
        String name = file.getFileName().toString();
        String who = department.map(d -> "inbox/" + inbox.relativize(file.getParent()).toString().replace('\\', '/')).orElse("inbox");
        List<String> errors;
        try {
            ObservationIntake.Receipt receipt = files.importFile(Optional.empty(), name, Files.size(file), () -> Files.newInputStream(file),
                    department.map(d -> Submitter.department(who, d)).orElse(Submitter.office(who)), Channel.INBOX);
            Path moved = move(file, inbox.resolve("processed"));
            log.info("收件箱文件 {} 已导入: 新增 {} 条，未变化 {} 条{}", name, receipt.stored(), receipt.unchanged(), renamed(file, moved));
            return true;
        } catch (ObservationsRejected rejected) {
            errors = rejected.problems().stream().map(p -> (p.place() + " " + p.field()).strip() + "：" + p.message()).toList();
        } catch (IOException | RuntimeException e) {
            log.error("收件箱文件 {} 读取或导入时出错，已移至 failed/: {}", name, e.toString(), e);
            errors = List.of("文件无法读取或导入（" + e.getClass().getSimpleName() + "：" + e.getMessage() + "）");
        }
        try {
            Path moved = move(file, inbox.resolve("failed"));
            Files.writeString(moved.resolveSibling(moved.getFileName() + ".errors.txt"), report(name, moved, errors), StandardCharsets.UTF_8);
            log.warn("收件箱文件 {} 有 {} 处错误，未导入，已移至 failed/{}（错误说明见同名 .errors.txt）", name, errors.size(), moved.getFileName());
        } catch (IOException e) {
            log.error("收件箱文件 {} 未导入，也无法移至 failed/（{}）；请手工移走它，其余文件照常导入", name, e.toString());
        }
        return false;
    }

    /** Moves the file under a time stamp; a name too long for that is shortened to a safe one. */
    private Path move(Path file, Path folder) throws IOException {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        String name = safeName(stamp, file.getFileName().toString());
        Path target = folder.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(stamp + "-" + n + name.substring(stamp.length()));
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    static String safeName(String stamp, String original) {
        String name = stamp + "-" + original;
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return name;
        }
        int dot = original.lastIndexOf('.');
        String extension = dot >= 0 && original.length() - dot <= 8 ? original.substring(dot) : "";
        StringBuilder kept = new StringBuilder();
        int budget = MAX_NAME_BYTES - stamp.length() - "-…".getBytes(StandardCharsets.UTF_8).length - extension.length() - 1;
        for (int i = 0; i < original.length() - extension.length(); ) {
            int codePoint = original.codePointAt(i);
            String next = new String(Character.toChars(codePoint));
            budget -= next.getBytes(StandardCharsets.UTF_8).length;
            if (budget < 0) {
                break;
            }
            kept.append(next);
            i += Character.charCount(codePoint);
        }
        return stamp + "-" + kept + "…" + extension;
    }

    private static String renamed(Path original, Path moved) {
        return moved.getFileName().toString().endsWith("-" + original.getFileName()) ? "" : "（文件名过长，已改名为 " + moved.getFileName() + "）";
    }

    private static List<Path> waiting(Path inbox) throws IOException {
        Instant settled = FILE_TIMES.instant().minus(SETTLE);
        try (Stream<Path> walk = Files.walk(inbox, 3)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getParent().getFileName().toString().matches("processed|failed"))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> {
                        try {
                            return Files.getLastModifiedTime(file).toInstant().isBefore(settled);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .sorted()
                    .toList();
        }
    }

    private static String report(String name, Path moved, List<String> errors) {
        String renamed = moved.getFileName().toString().endsWith("-" + name) ? ""
                : "（原文件名过长，无法原样移动，已改名为 " + moved.getFileName() + "）\n";
        return "文件 " + name + " 未导入（共 " + errors.size() + " 处错误，改正后重新放入收件箱即可）：\n" + renamed
                + errors.stream().collect(Collectors.joining("\n")) + "\n";
    }
}
