package dev.canopy.branches;

import dev.canopy.directory.CurrentMember;
import dev.canopy.web.Page;
import dev.canopy.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies a portal's standing in its network to every portal page. A blocked portal shows every member the blocked
 * page, except that its administrators can still reach the Plan page and the Branch network settings, where they
 * unblock it. Administrators of a suspended branch, and of a main portal whose network is disabled, see a banner with
 * the deadline and the actions that resolve it.
 */
@Configuration(proxyBeanMethods = false)
class StandingInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Networks networks;
    private final Pages pages;
    private final Clock clock;

    StandingInterceptor(Networks networks, Pages pages, Clock clock) {
        this.networks = networks;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/webjars/**", "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var member = CurrentMember.find(request);
        if (member.isEmpty()) {
            return true;
        }
        var portal = networks.portal(member.get().portal().id()).filter(NetworkPortal::inNetwork);
        if (portal.isEmpty()) {
            return true;
        }
        boolean administrator = member.get().administrator();
        Instant now = clock.instant();
        if (portal.get().blocked(now) && !(administrator && unblockingPath(request.getRequestURI()))) {
            throw new PortalBlockedException(new BlockedView(portal.get().main(), administrator));
        }
        if (administrator) {
            Page.Banner banner = banner(portal.get(), now);
            if (banner != null) {
                request.setAttribute(Pages.BANNER_ATTRIBUTE, banner);
            }
        }
        return true;
    }

    private Page.Banner banner(NetworkPortal portal, Instant now) {
        Instant deadline = portal.blockingAt();
        String date = deadline == null ? "" : BranchStanding.DATES.format(deadline);
        boolean blocked = portal.blocked(now);
        List<Page.Action> actions = new ArrayList<>();
        if (portal.suspended()) {
            actions.add(new Page.Action(pages.msg("standing.action.plan"), "/settings/plan", false, "banner-plan"));
            actions.add(new Page.Action(
                    pages.msg("network.leave.submit"), "/settings/network/leave", true, "banner-leave"));
            String text = pages.msg(blocked ? "standing.banner.blocked" : "standing.banner.suspended", date);
            return new Page.Banner(blocked ? "blocked-banner" : "suspended-banner", text, blocked, actions);
        }
        if (portal.main() && portal.networkDisabled()) {
            actions.add(
                    new Page.Action(pages.msg("standing.action.enterprise"), "/settings/plan", false, "banner-plan"));
            actions.add(new Page.Action(
                    pages.msg("standing.action.branches"), "/settings/network", false, "banner-network"));
            String text = pages.msg(blocked ? "standing.banner.mainBlocked" : "standing.banner.disabled", date);
            return new Page.Banner(blocked ? "blocked-banner" : "network-disabled-banner", text, blocked, actions);
        }
        return null;
    }

    private static boolean unblockingPath(String path) {
        return path.equals("/settings/plan")
                || path.startsWith("/settings/plan/")
                || path.equals("/settings/network")
                || path.startsWith("/settings/network/");
    }

    /** Raised on a page of a blocked portal; {@link BlockedPage} renders it. */
    static class PortalBlockedException extends RuntimeException {

        private final BlockedView view;

        PortalBlockedException(BlockedView view) {
            super("The portal is blocked");
            this.view = view;
        }

        BlockedView view() {
            return view;
        }
    }
}
