package org.duban.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.duban.DubanSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure the first office account {@code admin} exists. Its password comes from
 * {@code duban.admin-password}; the repository holds no default. When the property is unset on
 * the very first start, a random password is generated, logged once and written to
 * {@code <data-dir>/admin-password.txt}, so a new user can log in at once.
 */
@Component
@Order(0)
class AdminAccount implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final DubanSettings settings;

    AdminAccount(Accounts accounts, PasswordEncoder encoder, DubanSettings settings) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String configured = settings.adminPassword();
        if (configured != null && !configured.isBlank()) {
            save(configured);
        } else if (!accounts.exists(USERNAME)) {
            String generated = generatePassword();
            save(generated);
            Path file = settings.dataDir().resolve("admin-password.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated + System.lineSeparator());
            log.warn("未设置 duban.admin-password：已为账号 admin 生成随机密码，见 {}（设置该属性即可改用自己的密码）", file.toAbsolutePath());
        }
    }

    private void save(String password) {
        accounts.save(USERNAME, encoder.encode(password), "督办管理员", List.of(Role.OFFICE, Role.RULE_AUTHOR), Optional.empty());
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
