package org.duban.collection;

import java.util.Set;

/**
 * New values of a plan's indicators were stored: published by {@link ObservationIntake} once per plan
 * and batch (an upload of many rows is one event per plan), inside the intake's transaction, so
 * listeners that want the values committed hear it after commit. Values equal to what was already
 * stored are not news and are not named.
 *
 * @param planCode   the plan the values belong to
 * @param indicators the codes of the indicators that got a new revision
 * @param channel    how the values came (the demo loader evaluates its own history and is passed by)
 * @param submittedBy who sent them (an account, or a token as 令牌:name)
 */
public record ObservationsAccepted(String planCode, Set<String> indicators, Channel channel, String submittedBy) {

    public ObservationsAccepted {
        indicators = Set.copyOf(indicators);
    }
}
