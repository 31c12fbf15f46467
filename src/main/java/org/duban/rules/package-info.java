/**
 * The criteria of the plan as Drools rules, compiled at run time from {@code rules/}.
 * {@link org.duban.rules.RuleSets} is the module's API: the current rule set of each plan,
 * reloading, and the errors of the last load.
 */
package org.duban.rules;
