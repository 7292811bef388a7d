package dev.canopy.directory;

import dev.canopy.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.function.Predicate;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a person without a session to sign in. On the hub that is the sign-in form. On a portal host it starts the
 * one-time code flow: a state nonce goes into this host's pre-login session and the browser goes to the hub, which
 * sends it back with a code bound to that state.
 */
class SignInEntryPoint implements AuthenticationEntryPoint {

    static final String STATES_ATTRIBUTE = "canopy.sign-in.states";
    private static final int MAX_PENDING_STATES = 5;

    private final Addresses addresses;
    private final Predicate<HttpServletRequest> routed;
    private final ErrorPages errorPages;

    /**
     * @param routed whether a controller serves the request on its site, so that a path of the other kind of site
     *     gets a 404 page without a detour through sign-in
     */
    SignInEntryPoint(Addresses addresses, Predicate<HttpServletRequest> routed, ErrorPages errorPages) {
        this.addresses = addresses;
        this.routed = routed;
        this.errorPages = errorPages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        if (!routed.test(request)) {
            errorPages.render(request, response, 404, "error.notFound", "error.notFound.message");
            return;
        }
        Site site = Site.of(request);
        String target;
        if (site.hub()) {
            String next = "GET".equals(request.getMethod()) ? pathWithQuery(request) : "/";
            target = addresses.hub("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        } else {
            String state = Tokens.generate();
            rememberState(
                    request.getSession(), state, "GET".equals(request.getMethod()) ? pathWithQuery(request) : "/");
            Portal portal = site.portal();
            String portalHost =
                    portal.name() + "." + addresses.zone(portal.zone()).domain();
            target = addresses.hub("/sso/authorize?portal=" + URLEncoder.encode(portalHost, StandardCharsets.UTF_8)
                    + "&state=" + state);
        }
        redirect(request, response, target);
    }

    /** Redirects, or for an htmx request asks htmx to load the page, since htmx would swap a redirect's body. */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String target) throws IOException {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(target);
    }

    @SuppressWarnings("unchecked")
    private static void rememberState(HttpSession session, String state, String target) {
        var states = (LinkedHashMap<String, String>) session.getAttribute(STATES_ATTRIBUTE);
        states = states == null ? new LinkedHashMap<>() : new LinkedHashMap<>(states);
        states.put(state, target);
        while (states.size() > MAX_PENDING_STATES) {
            states.remove(states.keySet().iterator().next());
        }
        session.setAttribute(STATES_ATTRIBUTE, states);
    }

    @SuppressWarnings("unchecked")
    static String takeState(HttpSession session, String state) {
        if (session == null || state == null) {
            return null;
        }
        var states = (LinkedHashMap<String, String>) session.getAttribute(STATES_ATTRIBUTE);
        if (states == null || !states.containsKey(state)) {
            return null;
        }
        var remaining = new LinkedHashMap<>(states);
        String target = remaining.remove(state);
        session.setAttribute(STATES_ATTRIBUTE, remaining);
        return target;
    }

    private static String pathWithQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
