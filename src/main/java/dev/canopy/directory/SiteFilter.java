package dev.canopy.directory;

import dev.canopy.web.ErrorPages;
import dev.canopy.web.Pages;
import dev.canopy.web.SiteKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves each request's host before security runs: the hub, a portal that exists, a zone's bare domain (sent to
 * the hub), or nothing we serve (a 404 page that names nothing).
 */
class SiteFilter extends OncePerRequestFilter {

    private final Addresses addresses;
    private final Portals portals;
    private final ErrorPages errorPages;

    SiteFilter(Addresses addresses, Portals portals, ErrorPages errorPages) {
        this.addresses = addresses;
        this.portals = portals;
        this.errorPages = errorPages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(Pages.HUB_URL_ATTRIBUTE, addresses.hub("/"));
        Addresses.Host host = addresses.resolve(request.getServerName());
        if (!(host instanceof Addresses.Host.Unknown) && !canonical(request.getServerName())) {
            sendToCanonicalHost(request, response, host);
            return;
        }
        if (host instanceof Addresses.Host.Hub) {
            request.setAttribute(Site.ATTRIBUTE, new Site(null));
            request.setAttribute(SiteKind.ATTRIBUTE, SiteKind.HUB);
            chain.doFilter(request, response);
        } else if (host instanceof Addresses.Host.ZoneRoot) {
            response.sendRedirect(addresses.hub("/"));
        } else if (host instanceof Addresses.Host.PortalAddress address) {
            var portal = portals.findByAddress(address.zone(), address.name());
            if (portal.isEmpty()) {
                errorPages.render(request, response, 404, "error.noPortal", "error.noPortal.message");
                return;
            }
            request.setAttribute(Site.ATTRIBUTE, new Site(portal.get()));
            request.setAttribute(SiteKind.ATTRIBUTE, SiteKind.PORTAL);
            chain.doFilter(request, response);
        } else {
            errorPages.render(request, response, 404, "error.notFound", "error.notFound.message");
        }
    }

    /** Whether the host is written as Canopy writes it: lower case, without the trailing dot of a full name. */
    private static boolean canonical(String serverName) {
        return !serverName.endsWith(".") && serverName.equals(serverName.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Sends a GET to the same address written the canonical way, since cookies are kept per host name and the
     * sign-in would otherwise start on one name and end on another. Other methods get the 404 page.
     */
    private void sendToCanonicalHost(HttpServletRequest request, HttpServletResponse response, Addresses.Host host)
            throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            errorPages.render(request, response, 404, "error.notFound", "error.notFound.message");
            return;
        }
        String path = SafePaths.local(
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        if (host instanceof Addresses.Host.PortalAddress address) {
            response.sendRedirect(addresses.portal(address.zone(), address.name(), path));
        } else {
            response.sendRedirect(addresses.hub(path));
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
