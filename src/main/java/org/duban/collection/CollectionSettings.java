package org.duban.collection;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Collection settings.
 *
 * @param inbox       the drop folder; default {@code <data-dir>/inbox}
 * @param maxFileSize the largest file the drop folder imports (uploads have the multipart limit);
 *                    default 10MB, like the upload limit
 */
@ConfigurationProperties("duban.collection")
public record CollectionSettings(Path inbox, @DefaultValue("10MB") DataSize maxFileSize) {
}
