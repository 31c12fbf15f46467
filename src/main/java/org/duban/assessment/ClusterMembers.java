package org.duban.assessment;

import java.util.Set;

/**
 * Which instances of a cluster are alive, so that a run left RUNNING by a dead one can be closed as
 * ABANDONED. Implemented by the scheduling module, which owns the cluster's state (Quartz's tables).
 */
public interface ClusterMembers {

    /** This instance's name in the cluster. */
    String self();

    /** The instances that checked in recently, this one included. */
    Set<String> alive();
}
