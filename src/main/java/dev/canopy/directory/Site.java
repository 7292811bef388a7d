package dev.canopy.directory;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** What the request's host resolved to: the hub or an existing portal. Set by {@link SiteFilter}. */
record Site(Portal portal) {

    static final String ATTRIBUTE = Site.class.getName();

    static Site of(HttpServletRequest request) {
        Site site = (Site) request.getAttribute(ATTRIBUTE);
        if (site == null) {
            throw new IllegalStateException("No site resolved for " + request.getRequestURI());
        }
        return site;
    }

    static Optional<Site> find(HttpServletRequest request) {
        return Optional.ofNullable((Site) request.getAttribute(ATTRIBUTE));
    }

    boolean hub() {
        return portal == null;
    }
}
