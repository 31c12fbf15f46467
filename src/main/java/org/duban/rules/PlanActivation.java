package org.duban.rules;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the plan and compiles its rules when Duban starts. */
@Component
@Order(10)
class PlanActivation implements ApplicationRunner {

    private final RuleSets ruleSets;

    PlanActivation(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @Override
    public void run(ApplicationArguments args) {
        ruleSets.start();
    }
}
