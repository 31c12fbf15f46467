package org.duban;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What "today" is for evaluations, compliance and templates. Normally the real date; setting
 * {@code duban.clock.today} pins it, so that a past plan year (the 2023 demo) can be run as if it
 * were that day.
 */
@Component
public class DubanClock {

    private final LocalDate pinned;
    private final Clock clock = Clock.systemDefaultZone();

    DubanClock(@Value("${duban.clock.today:}") String today) {
        this.pinned = today == null || today.isBlank() ? null : LocalDate.parse(today.strip());
    }

    public LocalDate today() {
        return pinned != null ? pinned : LocalDate.now(clock);
    }
}
