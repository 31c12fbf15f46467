package org.duban.review;

import jakarta.servlet.http.HttpServletRequest;

import org.duban.access.Accounts;
import org.duban.catalog.DepartmentNotChosen;
import org.duban.catalog.PlanNotChosen;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A page that means one plan (or department) and was opened without saying which while there are
 * several: it lists them, each a link to the same page with {@code ?plan=} (or {@code ?region=}).
 * Ordered before the API's generic 400 for the same exceptions.
 */
@ControllerAdvice(basePackageClasses = PlanChooser.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanChooser {

    private final Accounts accounts;

    PlanChooser(Accounts accounts) {
        this.accounts = accounts;
    }

    record Choice(String name, String detail, String link) {
    }

    @ExceptionHandler(PlanNotChosen.class)
    @ResponseStatus(HttpStatus.OK)
    String choosePlan(PlanNotChosen notChosen, HttpServletRequest request, Authentication user, Model model) {
        return choose("选择计划", "有多个计划正在执行，请选择要查看的一个：", notChosen.candidates().stream()
                .map(plan -> new Choice(plan.name(), plan.regionName() + " · " + plan.code(), link(request, "plan", plan.code()))).toList(),
                user, model);
    }

    @ExceptionHandler(DepartmentNotChosen.class)
    @ResponseStatus(HttpStatus.OK)
    String chooseRegion(DepartmentNotChosen notChosen, HttpServletRequest request, Authentication user, Model model) {
        return choose("选择地区", "多个地区都有这个部门编码，请选择地区：", notChosen.candidates().stream()
                .map(department -> new Choice(department.name(), department.region() + " · " + department.code(),
                        link(request, "region", department.region()))).toList(),
                user, model);
    }

    private String choose(String heading, String prompt, java.util.List<Choice> choices, Authentication user, Model model) {
        // an exception handler's model gets no @ModelAttribute of the advices: the nav needs who is signed in
        model.addAttribute("me", accounts.of(user));
        model.addAttribute("heading", heading);
        model.addAttribute("prompt", prompt);
        model.addAttribute("choices", choices);
        return "review/choose";
    }

    private static String link(HttpServletRequest request, String parameter, String value) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam(parameter, value).build().toUriString();
    }
}
