package org.duban;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Duban keeps and finds things. All state of the embedded default lives under
 * {@code dataDir}, so a second instance with another data directory is fully separate.
 *
 * @param dataDir   embedded database, logs, inbox and outbox ({@code ./data})
 * @param configDir plan and department files ({@code ./config})
 * @param rulesDir  DRL files, compiled at run time ({@code ./rules})
 * @param adminPassword password of the first office account {@code admin}; never defaulted
 */
@ConfigurationProperties("duban")
public record DubanSettings(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("./config") Path configDir,
        @DefaultValue("./rules") Path rulesDir,
        String adminPassword) {
}
