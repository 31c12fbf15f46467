package org.duban;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic headers for the test accounts; {@code admin}'s password is set in application-test.yml. */
public final class Logins {

    public static final String ADMIN = basic("admin", "test-admin-secret");

    private Logins() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
