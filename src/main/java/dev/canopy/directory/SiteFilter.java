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

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
