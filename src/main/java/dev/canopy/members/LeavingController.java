package dev.canopy.members;

import dev.canopy.directory.Addresses;
import dev.canopy.directory.CurrentMember;
import dev.canopy.directory.PortalMembers;
import dev.canopy.web.FormErrors;
import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** Any member can leave a portal after a confirmation; the last active administrator cannot. */
@Controller
@PortalPage
class LeavingController {

    private final PortalMembers members;
    private final Addresses addresses;
    private final Pages pages;

    LeavingController(PortalMembers members, Addresses addresses, Pages pages) {
        this.members = members;
        this.addresses = addresses;
        this.pages = pages;
    }

    @GetMapping("/leave")
    String confirmation(HttpServletRequest request, Model model) {
        return page(request, model, FormErrors.none());
    }

    @PostMapping("/leave")
    String leave(HttpServletRequest request, HttpServletResponse response, Model model) {
        CurrentMember member = CurrentMember.of(request);
        try {
            members.dismiss(member.portal().id(), member.membership().id(), "members.lastAdministrator.leave");
        } catch (Refusal refusal) {
            response.setStatus(MembersController.UNPROCESSABLE);
            return page(request, model, FormErrors.of(refusal, pages));
        }
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + addresses.hub("/");
    }

    private String page(HttpServletRequest request, Model model, FormErrors errors) {
        CurrentMember member = CurrentMember.of(request);
        model.addAttribute(
                "page",
                pages.page(request, "members.leave.title", member.portal().title()));
        model.addAttribute("portalTitle", member.portal().title());
        model.addAttribute("errors", errors);
        return "members/leave";
    }
}
