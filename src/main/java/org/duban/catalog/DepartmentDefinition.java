package org.duban.catalog;

/** A department as read from its region's file, {@code config/regions/<region>.yaml}. */
record DepartmentDefinition(String code, String name, String email, String contact) {
}
