package org.duban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Duban (督办): keeps a district government's yearly plan of key tasks on track. The plan's
 * structure is data under {@code config/}, its criteria are Drools rules under {@code rules/}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DubanApplication {

    public static void main(String[] args) {
        SpringApplication.run(DubanApplication.class, args);
    }
}
