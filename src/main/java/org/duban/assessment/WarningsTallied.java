package org.duban.assessment;

/**
 * What a run did to the warnings, published by the module that keeps them once it has followed the
 * run (inside the run's transaction), so the run's record shows the counts without reading warnings.
 *
 * @param open     warnings open after the run
 * @param raised   warnings raised or reopened by it
 * @param resolved warnings it resolved
 */
public record WarningsTallied(long runId, int open, int raised, int resolved) {
}
