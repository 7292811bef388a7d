package dev.canopy.notifications;

import dev.canopy.directory.CurrentMember;
import dev.canopy.web.ErrorPages;
import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A member's notifications page. Marking read redirects back to the page, so htmx swaps the list and the bell out of
 * the same response, and the forms work without JavaScript too.
 */
@Controller
@PortalPage
class NotificationsController {

    static final int PAGE_SIZE = 100;

    private final Notifications notifications;
    private final Pages pages;
    private final ErrorPages errorPages;
    private final Clock clock;

    NotificationsController(Notifications notifications, Pages pages, ErrorPages errorPages, Clock clock) {
        this.notifications = notifications;
        this.pages = pages;
        this.errorPages = errorPages;
        this.clock = clock;
    }

    @GetMapping("/notifications")
    String list(HttpServletRequest request, Model model) {
        CurrentMember member = CurrentMember.of(request);
        model.addAttribute("page", pages.page(request, "notifications.title"));
        model.addAttribute(
                "notifications",
                notifications.latest(member.portal().id(), member.membership().id(), PAGE_SIZE));
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable long id, HttpServletRequest request) {
        CurrentMember member = CurrentMember.of(request);
        if (!notifications.markRead(member.portal().id(), member.membership().id(), id, clock.instant())) {
            throw new NotFoundException(id);
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(HttpServletRequest request) {
        CurrentMember member = CurrentMember.of(request);
        notifications.markAllRead(member.portal().id(), member.membership().id(), clock.instant());
        return "redirect:/notifications";
    }

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 404, "error.notFound", "error.notFound.message");
    }

    /** Raised when the member has no notification with the id, which includes every id of another portal. */
    static class NotFoundException extends RuntimeException {

        NotFoundException(long id) {
            super("The member has no notification " + id);
        }
    }
}
