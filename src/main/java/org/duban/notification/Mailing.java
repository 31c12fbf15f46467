package org.duban.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.catalog.Department;
import org.duban.notification.Briefings.Briefing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each department is to be told, gathered plan by plan: a department is its region's (by the
 * name its plan gives it, kept by database key, since codes repeat across regions), and a
 * department in two plans gets one mail with a section per plan.
 */
final class Mailing<T> {

    private static final Logger log = LoggerFactory.getLogger(Mailing.class);

    /** One plan's items for a department. */
    record Share<T>(Briefing briefing, List<T> items) {
    }

    /** A department and its shares, in the order the plans came. */
    record Recipient<T>(long id, Department department, Letterhead letterhead, List<Share<T>> shares) {

        List<T> items() {
            return shares.stream().flatMap(share -> share.items().stream()).toList();
        }

        /** The plans this mail speaks of, for the outbox. */
        List<String> plans() {
            return shares.stream().map(share -> share.briefing().plan().code()).toList();
        }
    }

    private final Map<Long, Recipient<T>> recipients = new LinkedHashMap<>();

    /** Adds an item for the department the briefing's plan names; a name its region no longer lists is logged and skipped. */
    void add(Briefing briefing, String departmentName, T item) {
        Department department = briefing.department(departmentName).orElse(null);
        if (department == null) {
            log.warn("计划 {} 中的部门“{}”不在地区 {} 的部门名录中，未给它写邮件；请检查 config/regions/{}.yaml", briefing.plan().code(), departmentName,
                    briefing.plan().regionCode(), briefing.plan().regionCode());
            return;
        }
        long id = briefing.id(department);
        Recipient<T> recipient = recipients.computeIfAbsent(id, key -> new Recipient<>(id, department, briefing.letterhead(), new ArrayList<>()));
        Share<T> share = recipient.shares().stream().filter(s -> s.briefing() == briefing).findFirst().orElseGet(() -> {
            Share<T> created = new Share<>(briefing, new ArrayList<>());
            recipient.shares().add(created);
            return created;
        });
        share.items().add(item);
    }

    Collection<Recipient<T>> recipients() {
        return recipients.values();
    }
}
