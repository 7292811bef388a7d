package dev.canopy.branches;

import dev.canopy.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Renders the page of a blocked portal, with status 403, before the catch-all error handler handles the exception. */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BlockedPage {

    private final Pages pages;

    BlockedPage(Pages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(StandingInterceptor.PortalBlockedException.class)
    String blocked(
            StandingInterceptor.PortalBlockedException blocked,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setStatus(403);
        model.addAttribute("page", pages.page(request, "standing.blocked.title"));
        model.addAttribute("view", blocked.view());
        return "portal/blocked";
    }
}
