package org.duban.assessment;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which indicators of a run stand behind the warnings, so that thinning the firing log
 * ({@link FiringRetention}) keeps their firings for ever: someone who disputes a warning years later
 * must still see the rules and facts that raised, escalated, lowered or resolved it. Implemented by
 * the warning module, which owns the warnings and their history.
 */
public interface WarningTrail {

    /**
     * For each of these runs, the keys of the indicators whose warning it changed (an event of the
     * warning's history names the run) or whose warning still rests on it (the run is the warning's
     * last). Runs that touched no warning may be missing from the answer.
     */
    Map<Long, Set<Long>> indicatorsBehind(Collection<Long> runIds);
}
