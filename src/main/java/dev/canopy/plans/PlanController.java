package dev.canopy.plans;

import dev.canopy.directory.CurrentMember;
import dev.canopy.web.FormErrors;
import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Plan page of a portal's settings: everyone in the portal sees the plan, administrators change it. */
@Controller
@PortalPage
class PlanController {

    /** The notices a redirect back to the Plan page may name in "done"; any other value shows no notice. */
    private static final Set<String> NOTICES =
            Set.of("plan.changed", "plan.extended", "plan.limit.changed", "plan.trial.started");

    private final Plans plans;
    private final Pages pages;

    PlanController(Plans plans, Pages pages) {
        this.plans = plans;
        this.pages = pages;
    }

    @GetMapping("/settings/plan")
    String plan(HttpServletRequest request, Model model) {
        return planPage(request, model, FormErrors.none(), null);
    }

    @PostMapping("/settings/plan/choose")
    String choose(
            @RequestParam(defaultValue = "") String plan,
            @RequestParam(defaultValue = "0") String months,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return change(request, response, model, "plan.changed", member -> {
            Plan chosen = Arrays.stream(Plan.values())
                    .filter(each -> each.name().equals(plan))
                    .findFirst()
                    .orElseThrow(() -> new Refusal("plan", "plan.unknown"));
            plans.choose(member.portal().id(), chosen, number(months, "months"));
        });
    }

    @PostMapping("/settings/plan/extend")
    String extend(
            @RequestParam(defaultValue = "0") String months,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return change(
                request,
                response,
                model,
                "plan.extended",
                member -> plans.extend(member.portal().id(), number(months, "months")));
    }

    @PostMapping("/settings/plan/limit")
    String limit(
            @RequestParam(defaultValue = "0") String limit,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return change(
                request,
                response,
                model,
                "plan.limit.changed",
                member -> plans.setEnterpriseLimit(member.portal().id(), number(limit, "limit")));
    }

    @PostMapping("/settings/plan/trial")
    String trial(HttpServletRequest request, HttpServletResponse response, Model model) {
        return change(
                request,
                response,
                model,
                "plan.trial.started",
                member -> plans.startTrial(member.portal().id()));
    }

    private String change(
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            String doneKey,
            java.util.function.Consumer<CurrentMember> action) {
        CurrentMember member = CurrentMember.of(request);
        if (!member.administrator()) {
            response.setStatus(403);
            return planPage(request, model, FormErrors.none().add(null, pages.msg("plan.adminsOnly")), null);
        }
        try {
            action.accept(member);
        } catch (Refusal refusal) {
            response.setStatus(422);
            return planPage(request, model, FormErrors.of(refusal, pages), null);
        }
        return "redirect:/settings/plan?done=" + doneKey;
    }

    private String planPage(HttpServletRequest request, Model model, FormErrors errors, String notice) {
        CurrentMember member = CurrentMember.of(request);
        String done = request.getParameter("done");
        PortalPlan current = plans.current(member.portal().id());
        model.addAttribute("page", pages.page(request, "plan.title"));
        model.addAttribute(
                "view",
                new PlanView(
                        current,
                        plans.activeMembers(member.portal().id()),
                        member.administrator(),
                        done != null && NOTICES.contains(done) ? pages.msg(done) : notice));
        model.addAttribute("errors", errors);
        return "portal/plan";
    }

    private static int number(String value, String field) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new Refusal(field, "plan.number.invalid");
        }
    }
}
