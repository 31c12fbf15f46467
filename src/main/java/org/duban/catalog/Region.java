package org.duban.catalog;

import java.util.Optional;

/**
 * A region of {@code config/regions/}: a district, or a city above its districts ({@code parent}).
 * Its mail goes out from {@code mailFrom} with links to {@code dashboardUrl}, where set.
 */
public record Region(String code, String name, Optional<String> parent, Optional<String> mailFrom, Optional<String> dashboardUrl) {
}
