/**
 * The vocabulary the DRL files see. Task files under {@code rules/tasks/} insert
 * {@link org.duban.rules.facts.Criterion}s; the shared rules of {@code rules/common/} judge them.
 */
package org.duban.rules.facts;
