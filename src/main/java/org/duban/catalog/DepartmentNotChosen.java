package org.duban.catalog;

import java.util.List;

/**
 * A department named by its code alone where several regions have that code: a 400 that lists the
 * regions (a page asks which), never the first one found.
 */
public class DepartmentNotChosen extends IllegalArgumentException {

    private final List<Department> candidates;

    DepartmentNotChosen(String code, List<Department> candidates) {
        super("部门编码 " + code + " 在多个地区都有（" + String.join("、", candidates.stream().map(Department::region).toList())
                + "），请用 region= 指明地区");
        this.candidates = List.copyOf(candidates);
    }

    public List<Department> candidates() {
        return candidates;
    }
}
