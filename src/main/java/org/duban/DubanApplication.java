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

    /**
     * {@code check} as first argument checks a rules folder and exits (see {@link CheckCommand}); it must
     * be decided here, before the web application starts.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check")) {
            System.exit(CheckCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(DubanApplication.class, args);
    }
}
