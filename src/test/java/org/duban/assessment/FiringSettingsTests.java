package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code duban.firings.retention} reads a number as days and refuses less than a day, in Chinese. */
class FiringSettingsTests {

    @Test
    void aNumberAloneIsDaysAndADurationIsADuration() {
        assertThat(bind(Map.of("duban.firings.retention", "45")).retention()).isEqualTo(Duration.ofDays(45));
        assertThat(bind(Map.of("duban.firings.retention", "P7D")).retention()).isEqualTo(Duration.ofDays(7));
        assertThat(bind(Map.of("duban.firings.retention", "36h")).retentionText()).isEqualTo("36 小时");
        assertThat(bind(Map.of()).retention()).as("default").isEqualTo(Duration.ofDays(30));
        assertThat(bind(Map.of()).pruneBatch()).as("default").isEqualTo(10_000);
    }

    @Test
    void lessThanADayOrAnAbsurdBatchIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("duban.firings.retention", "2h"))).isInstanceOf(BindException.class)
                .rootCause().hasMessage("duban.firings.retention 至少为 1 天（例如 30 或 30d），实为 PT2H");
        assertThatThrownBy(() -> bind(Map.of("duban.firings.prune-batch", "5"))).isInstanceOf(BindException.class)
                .rootCause().hasMessage("duban.firings.prune-batch 应在 100 到 100000 之间，实为 5");
    }

    private static FiringSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("duban.firings", FiringSettings.class);
    }
}
