package dev.canopy.web;

import jakarta.servlet.http.HttpServletRequest;

/** Whether a request is served by the hub or by a portal host; set on the request before any controller runs. */
public enum SiteKind {
    HUB,
    PORTAL;

    public static final String ATTRIBUTE = SiteKind.class.getName();

    static SiteKind of(HttpServletRequest request) {
        return (SiteKind) request.getAttribute(ATTRIBUTE);
    }
}
