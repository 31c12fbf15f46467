package org.duban.notification;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the mail templates of {@code config/mail/} (Thymeleaf; {@code .html} in HTML mode,
 * {@code .txt} in text mode). Templates are read at every use, so edits need no restart.
 */
@Component
class MailTemplates {

    private final TemplateEngine html = engine(TemplateMode.HTML);
    private final TemplateEngine text = engine(TemplateMode.TEXT);
    private final NotificationSettings settings;

    MailTemplates(NotificationSettings settings) {
        this.settings = settings;
    }

    record Rendered(String html, String text) {
    }

    Rendered render(String name, Map<String, Object> variables) {
        Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE, variables);
        String base = settings.templates().toAbsolutePath().normalize() + "/" + name;
        return new Rendered(html.process(base + ".html", context), text.process(base + ".txt", context));
    }

    private static TemplateEngine engine(TemplateMode mode) {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(false);
        // the Spring engine evaluates expressions with SpEL, which is on the class path (OGNL is not)
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
