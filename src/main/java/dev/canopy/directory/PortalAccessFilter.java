package dev.canopy.directory;

import dev.canopy.tenancy.PortalScope;
import dev.canopy.web.ErrorPages;
import dev.canopy.web.Page;
import dev.canopy.web.Pages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after security for signed-in requests. On a portal host it lets in only active members whose session belongs
 * to this portal, and runs the rest of the request as that portal in one transaction; everyone else gets the plain
 * 403 page. On the hub it loads the signed-in person for the top bar.
 */
class PortalAccessFilter extends OncePerRequestFilter {

    private final Persons persons;
    private final Memberships memberships;
    private final PortalScope portalScope;
    private final ErrorPages errorPages;
    private final Addresses addresses;

    PortalAccessFilter(
            Persons persons,
            Memberships memberships,
            PortalScope portalScope,
            ErrorPages errorPages,
            Addresses addresses) {
        this.persons = persons;
        this.memberships = memberships;
        this.portalScope = portalScope;
        this.errorPages = errorPages;
        this.addresses = addresses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var site = Site.find(request);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (site.isEmpty() || !(authentication instanceof PersonAuthentication signedIn)) {
            chain.doFilter(request, response);
            return;
        }
        var person = persons.findById(signedIn.personId());
        if (person.isEmpty()) {
            endSession(request);
            SignInEntryPoint.redirect(request, response, addresses.hub("/"));
            return;
        }
        request.setAttribute(
                Pages.VIEWER_ATTRIBUTE,
                new Page.Viewer(
                        person.get().name(), person.get().email(), person.get().operator()));
        MDC.put("person", Long.toString(signedIn.personId()));
        try {
            if (site.get().hub()) {
                chain.doFilter(request, response);
            } else {
                enterPortal(site.get().portal(), person.get(), request, response, chain);
            }
        } finally {
            MDC.remove("person");
        }
    }

    private void enterPortal(
            Portal portal, Person person, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Object sessionPortal = session == null ? null : session.getAttribute(Sessions.PORTAL_ATTRIBUTE);
        if (!(sessionPortal instanceof Long id) || id != portal.id()) {
            endSession(request);
            SignInEntryPoint.redirect(request, response, addresses.portal(portal.zone(), portal.name(), "/"));
            return;
        }
        var membership = memberships.find(portal.id(), person.id()).filter(Membership::active);
        if (membership.isEmpty()) {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", addresses.portal(portal.zone(), portal.name(), "/"));
            }
            errorPages.render(request, response, 403, "error.forbidden", "error.forbidden.message");
            return;
        }
        request.setAttribute(CurrentMember.ATTRIBUTE, new CurrentMember(portal, person, membership.get()));
        request.setAttribute(
                Pages.PORTAL_ATTRIBUTE,
                new Page.PortalBar(
                        portal.title(),
                        addresses.portalHost(portal.zone(), portal.name()),
                        membership.get().role() == MemberRole.ADMINISTRATOR));
        try {
            portalScope.runCommittingIf(portal.id(), () -> {
                try {
                    chain.doFilter(request, response);
                    return response.getStatus() < 400;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new WrappedServletException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (WrappedServletException e) {
            throw (ServletException) e.getCause();
        }
    }

    private static void endSession(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /**
     * Skips the stylesheets, scripts and icon that security lets everyone read, so a signed-in person without access
     * still gets a styled 403 page instead of a 403 for its stylesheet.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    private static final class WrappedServletException extends RuntimeException {

        WrappedServletException(ServletException cause) {
            super(cause);
        }
    }
}
