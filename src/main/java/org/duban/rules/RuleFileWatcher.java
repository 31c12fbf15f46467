package org.duban.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.duban.DubanSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reloads the plan and its rules when a DRL or plan file is edited, added or deleted. It polls
 * a fingerprint (paths, sizes, modification times) rather than using file-system events, which
 * are unreliable on network and container file systems. A load that fails keeps the last good
 * rules (see {@link RuleSets}).
 */
@Component
class RuleFileWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleFileWatcher.class);

    private final RuleSets ruleSets;
    private final DubanSettings settings;
    private final RuleSettings ruleSettings;
    private ScheduledExecutorService executor;
    private volatile String fingerprint;

    RuleFileWatcher(RuleSets ruleSets, DubanSettings settings, RuleSettings ruleSettings) {
        this.ruleSets = ruleSets;
        this.settings = settings;
        this.ruleSettings = ruleSettings;
    }

    /** Starts after the first load, so it only reacts to what changes afterwards. */
    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        if (!ruleSettings.watch() || executor != null) {
            return;
        }
        fingerprint = fingerprint();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rule-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = ruleSettings.watchInterval().toMillis();
        executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
        log.info("监视规则与计划文件的变化: {} 和 {}（每 {} 毫秒检查一次）", settings.rulesDir().toAbsolutePath().normalize(),
                settings.configDir().resolve("plans").toAbsolutePath().normalize(), millis);
    }

    private void check() {
        try {
            String now = fingerprint();
            if (!now.equals(fingerprint)) {
                fingerprint = now;
                log.info("规则或计划文件有变化，重新加载");
                ruleSets.reload();
            }
        } catch (RuntimeException e) {
            log.error("检查规则文件变化时出错，稍后重试: {}", e.getMessage(), e);
        }
    }

    private String fingerprint() {
        StringBuilder print = new StringBuilder();
        for (Path root : List.of(settings.rulesDir(), settings.configDir().resolve("plans"), settings.configDir().resolve("regions"))) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> {
                    try {
                        print.append(file).append(':').append(Files.size(file)).append(':')
                                .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
                    } catch (IOException e) {
                        print.append(file).append(":gone\n");
                    }
                });
            } catch (IOException e) {
                print.append(root).append(":unreadable\n");
            }
        }
        return print.toString();
    }

    @Override
    public void start() {
        // the watch begins on ApplicationReadyEvent, after the first load
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
