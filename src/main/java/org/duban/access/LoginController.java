package org.duban.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Locked logins (too many wrong passwords): the office sees them and lifts them early. */
@RestController
@RequestMapping("/api/logins")
class LoginController {

    record Unlock(String username, String address) {
    }

    private final LoginThrottle throttle;

    LoginController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/locked")
    List<LoginThrottle.Lock> locked() {
        return throttle.locked();
    }

    @PostMapping("/unlock")
    Map<String, Object> unlock(@RequestBody Unlock body, Authentication user) {
        if (body.username() == null || body.username().isBlank()) {
            throw new IllegalArgumentException("须指定要解除锁定的账号（username）");
        }
        int lifted = throttle.lift(body.username(), Optional.ofNullable(body.address()).filter(a -> !a.isBlank()), user.getName());
        return Map.of("username", body.username(), "lifted", lifted);
    }
}
