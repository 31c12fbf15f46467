package org.duban.review;

import jakarta.servlet.http.HttpServletRequest;

import org.duban.access.Accounts;
import org.duban.catalog.PlanNotChosen;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A page opened without {@code ?plan=} while several plans run: it lists them, each a link to the same page for that plan. */
@ControllerAdvice(basePackageClasses = PlanChooser.class)
class PlanChooser {

    private final Accounts accounts;

    PlanChooser(Accounts accounts) {
        this.accounts = accounts;
    }

    record Choice(String code, String name, String region, String link) {
    }

    @ExceptionHandler(PlanNotChosen.class)
    @ResponseStatus(HttpStatus.OK)
    String choose(PlanNotChosen notChosen, HttpServletRequest request, Authentication user, Model model) {
        // an exception handler's model gets no @ModelAttribute of the advices: the nav needs who is signed in
        model.addAttribute("me", accounts.of(user));
        model.addAttribute("choices", notChosen.candidates().stream().map(plan -> new Choice(plan.code(), plan.name(), plan.regionName(),
                ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("plan", plan.code()).build().toUriString())).toList());
        return "review/plans";
    }
}
