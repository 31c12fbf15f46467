package org.duban.rules;

import java.util.List;
import java.util.Optional;

import org.duban.catalog.Department;
import org.duban.catalog.Task;

/** A task as the API shows it: departments by name, indicators with their criteria, and other tasks' indicators it shares. */
record TaskView(int number, int section, String sectionTitle, String title, String text,
                List<String> leadDepartments, List<String> coDepartments, List<IndicatorView> indicators, List<String> sharedIndicators) {

    static TaskView of(Task task, Optional<RuleSet> rules) {
        return new TaskView(task.number(), task.section(), task.sectionTitle(), task.title(), task.text(),
                task.leadDepartments().stream().map(Department::name).toList(),
                task.coDepartments().stream().map(Department::name).toList(),
                task.indicators().stream()
                        .map(indicator -> IndicatorView.of(indicator, rules.flatMap(set -> set.criterion(indicator.code()))))
                        .toList(),
                task.sharedIndicators());
    }
}
