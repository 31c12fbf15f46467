/**
 * The review pages that bring the modules together: the overview with its wall chart (挂图作战) and
 * ranking, a task, a department, the rules and runs, the monthly ledger (台账) and bulletin (通报).
 * Pages of one module live in that module (warnings, firing log, accounts, mails).
 */
package org.duban.review;
