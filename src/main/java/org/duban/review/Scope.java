package org.duban.review;

import org.duban.access.Accounts.Account;
import org.duban.catalog.Department;
import org.duban.catalog.Plan;
import org.duban.catalog.Task;
import org.springframework.security.access.AccessDeniedException;

/** What a department account may open: its own department, and the tasks it leads or joins. Refusals are 403, typed URLs too. */
final class Scope {

    private Scope() {
    }

    static void department(Account me, Department department) {
        if (!me.sees(department)) {
            throw new AccessDeniedException("只能查看本部门的页面");
        }
    }

    static void task(Account me, Plan plan, Task task) {
        if (!me.seesRegion(plan.regionCode()) || me.departmentCode().filter(own -> !task.involves(own)).isPresent()) {
            throw new AccessDeniedException("只能查看本部门牵头或配合的任务");
        }
    }

    static boolean office(Account me) {
        return me.departmentCode().isEmpty();
    }
}
