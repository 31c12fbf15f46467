package org.duban.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing (bcrypt, with the algorithm's id stored in front of each hash). */
@Configuration(proxyBeanMethods = false)
class Passwords {

    @Bean
    PasswordEncoder passwordEncoder(Clock clock) {
        return new RememberedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock);
    }

    /**
     * The API checks HTTP Basic on every request, and bcrypt costs ~50 ms of CPU: about 35
     * requests a second on two cores. A password that matched its hash is remembered for
     * {@link #REMEMBER} under a SHA-256 of password and hash together, so a changed password (a
     * new hash) is never matched from memory, and a wrong one is always checked with bcrypt.
     */
    static final class RememberedPasswords implements PasswordEncoder {

        static final Duration REMEMBER = Duration.ofMinutes(5);
        private static final int MAX_ENTRIES = 10_000;

        private final PasswordEncoder bcrypt;
        private final Clock clock;
        private final Map<String, Instant> matched = new ConcurrentHashMap<>();

        RememberedPasswords(PasswordEncoder bcrypt, Clock clock) {
            this.bcrypt = bcrypt;
            this.clock = clock;
        }

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            if (raw == null || encoded == null) {
                return bcrypt.matches(raw, encoded);
            }
            String key = key(raw, encoded);
            Instant now = clock.instant();
            Instant until = matched.get(key);
            if (until != null && until.isAfter(now)) {
                return true;
            }
            boolean ok = bcrypt.matches(raw, encoded);
            if (ok) {
                if (matched.size() >= MAX_ENTRIES) {
                    matched.values().removeIf(time -> !time.isAfter(now));
                    if (matched.size() >= MAX_ENTRIES) {
                        matched.clear();
                    }
                }
                matched.put(key, now.plus(REMEMBER));
            }
            return ok;
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return bcrypt.upgradeEncoding(encoded);
        }

        private static String key(CharSequence raw, String encoded) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(encoded.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                return HexFormat.of().formatHex(sha.digest(raw.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
