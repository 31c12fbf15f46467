package org.duban.catalog;

/** A department as read from {@code config/departments.yaml}. */
record DepartmentDefinition(String code, String name, String email, String contact) {
}
