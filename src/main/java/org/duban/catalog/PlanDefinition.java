package org.duban.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A plan as read from its YAML file, before it is stored: what the rules of the plan are checked
 * against. Each indicator keeps its line so that problems found later can point back to it.
 * {@code activeFrom}..{@code activeUntil}: when the plan's jobs run (its YAML's {@code active:}, or from
 * publication to the end of the next March, when the year's final figures are in).
 */
public record PlanDefinition(
        String code,
        String name,
        int year,
        RegionDefinition region,
        String document,
        LocalDate publishedOn,
        LocalDate activeFrom,
        LocalDate activeUntil,
        String rulesFolder,
        String sourceFile,
        String sourceHash,
        List<SectionDefinition> sections) {

    public record RegionDefinition(String code, String name, String parent) {
    }

    public record SectionDefinition(int number, String title, List<TaskDefinition> tasks) {
    }

    /**
     * @param shared indicators of other tasks that also measure this one (淦河治理 is both task 34's and 38's): the
     *               indicator stays with its own task, and this task's departments see it, report it and are told of it
     */
    public record TaskDefinition(int number, String title, String text, List<String> lead, List<String> co,
                                 List<IndicatorDefinition> indicators, List<SharedIndicator> shared) {
    }

    /** An indicator another task of the plan owns, named where this task's YAML lists it. */
    public record SharedIndicator(String code, int line) {
    }

    public record IndicatorDefinition(String code, String name, String unit, IndicatorKind kind, Frequency frequency, int line) {
    }

    public Stream<TaskDefinition> tasks() {
        return sections.stream().flatMap(section -> section.tasks().stream());
    }

    public Stream<IndicatorDefinition> indicators() {
        return tasks().flatMap(task -> task.indicators().stream());
    }
}
