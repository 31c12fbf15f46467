package org.duban.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 */
@Service
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    /** A file younger than this may still be being copied in. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    /** What one pass did. */
    public record Collected(List<String> processed, List<String> failed) {
    }

    private final ObservationFiles files;
    private final PlanCatalog catalog;
    private final CollectionSettings settings;

    Inbox(ObservationFiles files, PlanCatalog catalog, CollectionSettings settings) {
        this.files = files;
        this.catalog = catalog;
        this.settings = settings;
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
                Optional<String> department = parent.equals(inbox) ? Optional.empty() : Optional.of(parent.getFileName().toString());
                if (department.isPresent() && catalog.department(department.get()).isEmpty()) {
                    continue; // not a department's folder: leave it alone
                }
                String who = department.map(code -> "inbox/" + code).orElse("inbox");
                String stamped = LocalDateTime.now().format(STAMP) + "-" + file.getFileName();
                try {
                    ObservationIntake.Receipt receipt = files.importFile(Optional.empty(), file.getFileName().toString(), Files.readAllBytes(file),
                            new Submitter(who, department), Channel.INBOX);
                    Files.move(file, inbox.resolve("processed").resolve(stamped), StandardCopyOption.ATOMIC_MOVE);
                    processed.add(file.getFileName().toString());
                    log.info("收件箱文件 {} 已导入: 新增 {} 条，未变化 {} 条", file.getFileName(), receipt.stored(), receipt.unchanged());
                } catch (ObservationsRejected rejected) {
                    Files.move(file, inbox.resolve("failed").resolve(stamped), StandardCopyOption.ATOMIC_MOVE);
                    Files.writeString(inbox.resolve("failed").resolve(stamped + ".errors.txt"), report(file, rejected), StandardCharsets.UTF_8);
                    failed.add(file.getFileName().toString());
                    log.warn("收件箱文件 {} 有 {} 处错误，未导入，已移至 failed/（错误说明见同名 .errors.txt）", file.getFileName(), rejected.problems().size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取收件箱 " + inbox + ": " + e.getMessage(), e);
        }
        return new Collected(processed, failed);
    }

    private static List<Path> waiting(Path inbox) throws IOException {
        Instant settled = Instant.now().minus(SETTLE);
        try (Stream<Path> walk = Files.walk(inbox, 2)) {
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

    private static String report(Path file, ObservationsRejected rejected) {
        return "文件 " + file.getFileName() + " 未导入（共 " + rejected.problems().size() + " 处错误，改正后重新放入收件箱即可）：\n"
                + rejected.problems().stream().map(p -> (p.place() + " " + p.field()).strip() + "：" + p.message()).collect(Collectors.joining("\n")) + "\n";
    }
}
