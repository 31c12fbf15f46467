package org.duban.rules.facts;

/**
 * The plan whose criteria are being stated, inserted when a load fires the task rules. A city gives
 * one task list to all its districts: a criterion may match its district's plan only, e.g.
 * {@code PlanScope(region == "zhoucun")}, so one folder (and one criteria table) serves every plan
 * that names it.
 *
 * @param plan   the plan's code, e.g. {@code zhoucun-2023}
 * @param region the code of the plan's region, e.g. {@code zhoucun}
 */
public record PlanScope(String plan, String region) {
}
