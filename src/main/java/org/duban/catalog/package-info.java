/**
 * The plan as data: departments, sections, tasks and indicators read from {@code config/} and
 * kept in the database. {@link org.duban.catalog.PlanCatalog} is the module's API.
 */
package org.duban.catalog;
