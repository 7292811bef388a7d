package dev.canopy.directory;

import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A portal's home page. Served only on portal hosts, to active members. */
@Controller
@PortalPage
class PortalHomeController {

    private final Pages pages;

    PortalHomeController(Pages pages) {
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
}
