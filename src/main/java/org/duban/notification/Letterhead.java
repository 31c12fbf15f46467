package org.duban.notification;

import java.util.Optional;

import org.duban.catalog.Region;

/**
 * The region a mail goes out under: its name in the subject and the greeting, its sender and its
 * dashboard. A region's own {@code mail:} settings win; where it has none, {@code duban.notification.*}.
 * Each region's departments are told under their own region's name, never another's.
 */
record Letterhead(String regionCode, String regionName, String from, String dashboardUrl) {

    static Letterhead of(String regionCode, String regionName, Optional<Region> region, NotificationSettings settings) {
        return new Letterhead(regionCode, region.map(Region::name).orElse(regionName),
                region.flatMap(Region::mailFrom).filter(from -> !from.isBlank()).orElse(settings.from()),
                strip(region.flatMap(Region::dashboardUrl).filter(url -> !url.isBlank()).orElse(settings.dashboardUrl())));
    }

    /** An address on the dashboard: {@code path} starts with a slash and carries its own query. */
    String link(String path) {
        return dashboardUrl + path;
    }

    /** 【周村区重点工作预警】 */
    String subjectPrefix(String what) {
        return "【" + regionName + what + "】";
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
