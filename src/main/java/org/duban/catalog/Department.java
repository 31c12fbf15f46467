package org.duban.catalog;

/**
 * A department of a region as its registry names it. {@code code} is stable and unique within
 * the region; another region may have a department of the same code.
 */
public record Department(String code, String name, String email, String contact, String region) {

    /** The same department: same region and code. */
    public boolean is(Department other) {
        return other != null && code.equals(other.code) && region.equals(other.region);
    }
}
