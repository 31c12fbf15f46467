package org.duban.catalog;

/** A department of the district as the registry names it; {@code code} is stable. */
public record Department(String code, String name, String email, String contact) {
}
