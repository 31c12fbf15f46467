/**
 * Judging: fires a plan's rules over the observations known on an as-of date, records every
 * firing, and announces the findings ({@link org.duban.assessment.EvaluationCompleted}) for the
 * warnings to follow. {@link org.duban.assessment.Evaluations} is the module's API.
 */
package org.duban.assessment;
