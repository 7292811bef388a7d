package dev.canopy.branches;

import dev.canopy.directory.CurrentMember;
import dev.canopy.web.NotFoundException;
import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Serves the widget's panel, loaded by htmx from the top bar. */
@Controller
@PortalPage
class WidgetController {

    private final Widget widget;
    private final Pages pages;

    WidgetController(Widget widget, Pages pages) {
        this.widget = widget;
        this.pages = pages;
    }

    @GetMapping("/network/widget")
    String panel(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") String page,
            HttpServletRequest request,
            Model model) {
        CurrentMember member = CurrentMember.of(request);
        var access = widget.access(member.portal().id(), member.person().id())
                .orElseThrow(() -> new NotFoundException("Network"));
        String search = q.length() > 100 ? q.substring(0, 100) : q;
        int pageNumber = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
        model.addAttribute("page", pages.page(request, "network.widget.title"));
        model.addAttribute(
                "widget", widget.view(member.portal().id(), member.person().id(), access, search, pageNumber));
        return "portal/networkWidget";
    }
}
