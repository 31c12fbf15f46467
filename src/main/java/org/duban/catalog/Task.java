package org.duban.catalog;

import java.util.List;

/**
 * A key task of the plan with its lead (牵头/负责) and cooperating (配合) departments.
 *
 * @param indicators       the task's own indicators
 * @param sharedIndicators codes of other tasks' indicators that measure this task too; its departments see,
 *                         report and are told of them
 */
public record Task(int number, int section, String sectionTitle, String title, String text,
                   List<Department> leadDepartments, List<Department> coDepartments, List<Indicator> indicators,
                   List<String> sharedIndicators) {

    /** Whether the indicator is this task's own or one it shares. */
    public boolean measuredBy(String indicator) {
        return sharedIndicators.contains(indicator) || indicators.stream().anyMatch(i -> i.code().equals(indicator));
    }

    /** Whether the department leads or joins this task. */
    public boolean involves(String departmentCode) {
        return leadDepartments.stream().anyMatch(d -> d.code().equals(departmentCode))
                || coDepartments.stream().anyMatch(d -> d.code().equals(departmentCode));
    }
}
