package dev.canopy.directory;

import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A portal's home page and its read-only Members page. Served only on portal hosts, to active members. */
@Controller
@PortalPage
class PortalHomeController {

    private final Memberships memberships;
    private final Pages pages;

    PortalHomeController(Memberships memberships, Pages pages) {
        this.memberships = memberships;
        this.pages = pages;
    }

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        CurrentMember member = CurrentMember.of(request);
        model.addAttribute(
                "page", pages.page(request, "portal.home.title", member.portal().title()));
        model.addAttribute("member", member);
        return "portal/home";
    }

    @GetMapping("/members")
    String members(HttpServletRequest request, Model model) {
        CurrentMember member = CurrentMember.of(request);
        model.addAttribute("page", pages.page(request, "members.title"));
        model.addAttribute("members", memberships.listMembers(member.portal().id()));
        return "portal/members";
    }
}
