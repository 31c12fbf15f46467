package org.duban.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Watching the rule and plan files.
 *
 * @param watch         reload by itself when a file under rules/ or config/plans changes
 * @param watchInterval how often to look; a change takes effect within this plus compile time
 * @param loadTimeout   how long firing the task rules at load (to learn their criteria) may take;
 *                      a load that takes longer is refused and the last good rules stay
 * @param mode          {@code live}: a changed folder goes into force as soon as it compiles and checks (the
 *                      embedded demo's default); {@code staged}: it is compiled and checked but waits for
 *                      {@code POST /api/rules/activate}
 */
@ConfigurationProperties("duban.rules")
public record RuleSettings(@DefaultValue("true") boolean watch, @DefaultValue("2s") Duration watchInterval,
                           @DefaultValue("30s") Duration loadTimeout, @DefaultValue("live") Mode mode) {

    /** Whether a changed rules folder goes into force by itself. */
    public enum Mode {
        LIVE, STAGED
    }
}
