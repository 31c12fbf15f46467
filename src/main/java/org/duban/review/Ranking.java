package org.duban.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.duban.collection.Compliance;
import org.duban.rules.facts.Level;
import org.duban.warning.Warning;
import org.duban.warning.WarningStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ranking of departments the office publishes in its bulletin (通报): on-time reporting first
 * among equals, then fewer open RED and ORANGE warnings, then fewer warnings left unacknowledged past
 * the escalation days (the same days after which the leaders are copied).
 */
@Component
class Ranking {

    record Place(int rank, String code, String name, int due, int onTime, double onTimeRate, int redOrange, int overdueAcknowledgements) {
    }

    private final Clock clock;
    private final Duration acknowledgeWithin;

    Ranking(Clock clock, @Value("${duban.notification.escalation-days:3}") int escalationDays) {
        this.clock = clock;
        this.acknowledgeWithin = Duration.ofDays(escalationDays);
    }

    List<Place> rank(Compliance.Report compliance, List<Warning> openWarnings) {
        Instant overdueBefore = clock.instant().minus(acknowledgeWithin);
        List<Place> unranked = compliance.departments().stream().map(department -> {
            int due = department.reported() + department.late() + department.missing();
            List<Warning> own = openWarnings.stream().filter(w -> w.leadDepartments().contains(department.name())).toList();
            int redOrange = (int) own.stream().filter(w -> w.level() == Level.RED || w.level() == Level.ORANGE).count();
            int overdue = (int) own.stream().filter(w -> w.status() == WarningStatus.OPEN && w.raisedAt().isBefore(overdueBefore)).count();
            double rate = due == 0 ? 100 : 100.0 * department.reported() / due;
            return new Place(0, department.code(), department.name(), due, department.reported(), rate, redOrange, overdue);
        }).sorted(Comparator.comparingInt(Place::redOrange).thenComparingInt(Place::overdueAcknowledgements)
                .thenComparing(Comparator.comparingDouble(Place::onTimeRate).reversed()).thenComparing(Place::code)).toList();
        return java.util.stream.IntStream.range(0, unranked.size()).mapToObj(i -> {
            Place p = unranked.get(i);
            return new Place(i + 1, p.code(), p.name(), p.due(), p.onTime(), p.onTimeRate(), p.redOrange(), p.overdueAcknowledgements());
        }).toList();
    }
}
