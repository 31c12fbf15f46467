package org.duban.collection;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Collection settings.
 *
 * @param inbox the drop folder; default {@code <data-dir>/inbox}
 */
@ConfigurationProperties("duban.collection")
public record CollectionSettings(Path inbox) {
}
