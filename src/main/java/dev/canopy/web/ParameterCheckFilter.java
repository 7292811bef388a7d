package dev.canopy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects with the plain 400 page a request whose query or form parameters are not valid UTF-8 or contain the NUL
 * character, before security, controllers or queries read them. PostgreSQL text cannot store NUL, so such a value
 * would otherwise fail deep inside a query as a 500. It runs after the site filter, so the error page can link to the right host.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 4)
class ParameterCheckFilter extends OncePerRequestFilter {

    private final ErrorPages errorPages;

    ParameterCheckFilter(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            // Tomcat raises its InvalidParameterException, an IllegalStateException, for bytes that are not UTF-8.
            reject(request, response);
            return;
        }
        for (var parameter : parameters.entrySet()) {
            if (hasNul(parameter.getKey())
                    || Arrays.stream(parameter.getValue()).anyMatch(ParameterCheckFilter::hasNul)) {
                reject(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 400, "error.badRequest", "error.badRequest.message");
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }
}
