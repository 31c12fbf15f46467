/**
 * The rule author's workbench: check a rules folder (compile every plan's rules, run every scenario),
 * compare a staged or uploaded rule set with the one in force on stored data (dry run), explain why a
 * judging rule did not fire (near miss), and the {@code check} command that does the check without a
 * running Duban. {@link org.duban.workbench.RuleCheck} is the API the command and the tests share.
 */
package org.duban.workbench;
