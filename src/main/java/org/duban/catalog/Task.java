package org.duban.catalog;

import java.util.List;

/** A key task of the plan with its lead (牵头/负责) and cooperating (配合) departments. */
public record Task(int number, int section, String sectionTitle, String title, String text,
                   List<Department> leadDepartments, List<Department> coDepartments, List<Indicator> indicators) {
}
