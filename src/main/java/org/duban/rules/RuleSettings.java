package org.duban.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Watching the rule and plan files.
 *
 * @param watch         reload by itself when a file under rules/ or config/plans changes
 * @param watchInterval how often to look; a change takes effect within this plus compile time
 */
@ConfigurationProperties("duban.rules")
public record RuleSettings(@DefaultValue("true") boolean watch, @DefaultValue("2s") Duration watchInterval) {
}
