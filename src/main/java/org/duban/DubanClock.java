package org.duban;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that reads the real time. Every other class asks the {@link Clock} bean (an
 * ArchUnit rule in {@code ModularityTests} holds that line), so tests move time instead of
 * sleeping and a pinned "today" is seen everywhere alike.
 *
 * <p>{@code duban.clock.today} pins the day: the clock then starts at the beginning of that day
 * (in {@code duban.zone}) when Duban starts, and runs on from there. It is not frozen, because
 * timestamps must still advance: a frozen clock would never make a mail retry due, never end a
 * login lockout, and would give every file moved out of the inbox the same stamp.
 */
@Configuration(proxyBeanMethods = false)
public class DubanClock {

    private final Clock clock;

    DubanClock(Clock clock) {
        this.clock = clock;
    }

    /** Today in Duban's zone, for evaluations, compliance and templates. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** This moment, on the same clock. */
    public Instant instant() {
        return clock.instant();
    }

    @Bean
    static Clock clock(@Value("${duban.zone:Asia/Shanghai}") String zone, @Value("${duban.clock.today:}") String today) {
        Clock system = Clock.system(ZoneId.of(zone.strip()));
        if (today == null || today.isBlank()) {
            return system;
        }
        Instant start = LocalDate.parse(today.strip()).atStartOfDay(system.getZone()).toInstant();
        return Clock.offset(system, Duration.between(system.instant(), start));
    }
}
