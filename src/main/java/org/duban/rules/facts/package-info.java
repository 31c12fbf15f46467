/**
 * The vocabulary the DRL files see. Task files under {@code rules/tasks/} insert
 * {@link org.duban.rules.facts.Criterion}s; the shared rules of {@code rules/common/} judge them.
 * Part of the rules module's API: the other modules speak this vocabulary too.
 */
@NamedInterface("facts")
package org.duban.rules.facts;

import org.springframework.modulith.NamedInterface;
