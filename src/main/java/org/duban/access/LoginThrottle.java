package org.duban.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;

/**
 * Slows password guessing: after {@value #LIMIT} wrong passwords for one account from one
 * address within {@link #WINDOW}, that pair is refused for {@link #LOCK} (also with the right
 * password, or the guessing would simply go on). Other addresses still log in, so a guesser
 * cannot lock the owner out from elsewhere. Kept in memory: a restart forgets, which is
 * acceptable for a brake, not an audit. The office lifts a lock early.
 */
@Service
public class LoginThrottle {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    /** Guessed user names are attacker-chosen keys: beyond this many, stale entries are dropped. */
    private static final int TIDY_ABOVE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** A locked account and address, and until when. */
    public record Lock(String username, String address, Instant until) {
    }

    private record Key(String username, String address) {
    }

    private static final class Attempts {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;
    }

    private final Map<Key, Attempts> attempts = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** When the pair is locked now, until when. */
    java.util.Optional<Instant> lockedUntil(String username, String address) {
        Attempts entry = attempts.get(key(username, address));
        if (entry == null) {
            return java.util.Optional.empty();
        }
        synchronized (entry) {
            Instant now = clock.instant();
            return entry.lockedUntil != null && entry.lockedUntil.isAfter(now) ? java.util.Optional.of(entry.lockedUntil) : java.util.Optional.empty();
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String address = address(event.getAuthentication().getDetails());
        String username = event.getAuthentication().getName();
        if (attempts.size() > TIDY_ABOVE) {
            tidy();
        }
        Attempts entry = attempts.computeIfAbsent(key(username, address), k -> new Attempts());
        synchronized (entry) {
            Instant now = clock.instant();
            entry.failures.addLast(now);
            while (!entry.failures.isEmpty() && !entry.failures.peekFirst().isAfter(now.minus(WINDOW))) {
                entry.failures.removeFirst();
            }
            if (entry.failures.size() >= LIMIT) {
                entry.lockedUntil = now.plus(LOCK);
                entry.failures.clear();
                log.warn("账号 {} 自地址 {} 在 {} 分钟内 {} 次密码错误，已锁定至 {}（督办室可通过 POST /api/logins/unlock 提前解除）",
                        username, address, WINDOW.toMinutes(), LIMIT, entry.lockedUntil);
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        attempts.remove(key(event.getAuthentication().getName(), address(event.getAuthentication().getDetails())));
    }

    /** The pairs locked now. */
    public List<Lock> locked() {
        Instant now = clock.instant();
        return attempts.entrySet().stream()
                .filter(e -> e.getValue().lockedUntil != null && e.getValue().lockedUntil.isAfter(now))
                .map(e -> new Lock(e.getKey().username(), e.getKey().address(), e.getValue().lockedUntil))
                .sorted(Comparator.comparing(Lock::username).thenComparing(Lock::address)).toList();
    }

    /** Lifts the locks (and forgets the failures) of an account, from one address or, with none, from all. */
    public int lift(String username, java.util.Optional<String> address, String by) {
        List<Key> keys = attempts.keySet().stream()
                .filter(k -> k.username().equals(username) && address.map(k.address()::equals).orElse(true)).toList();
        int lifted = (int) keys.stream().map(attempts::remove).filter(a -> a != null && a.lockedUntil != null && a.lockedUntil.isAfter(clock.instant())).count();
        log.warn("{} 解除了账号 {} 的登录锁定（地址 {}），共 {} 处", by, username, address.orElse("全部"), lifted);
        return lifted;
    }

    private void tidy() {
        Instant now = clock.instant();
        attempts.entrySet().removeIf(e -> (e.getValue().lockedUntil == null || !e.getValue().lockedUntil.isAfter(now))
                && e.getValue().failures.stream().allMatch(t -> !t.isAfter(now.minus(WINDOW))));
    }

    private static Key key(String username, String address) {
        String name = username == null ? "" : username.length() > 64 ? username.substring(0, 64) : username;
        return new Key(name, address == null ? "" : address);
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "";
    }
}
