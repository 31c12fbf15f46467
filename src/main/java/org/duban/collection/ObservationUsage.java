package org.duban.collection;

import java.util.List;

import org.duban.catalog.IndicatorUsage;
import org.springframework.stereotype.Component;

/** Reported values keep their indicator in the plan. */
@Component
class ObservationUsage implements IndicatorUsage {

    private final Observations observations;

    ObservationUsage(Observations observations) {
        this.observations = observations;
    }

    @Override
    public long uses(long indicatorId) {
        return observations.countFor(List.of(indicatorId));
    }
}
