package dev.canopy.directory;

import dev.canopy.tenancy.PortalScope;
import dev.canopy.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * One filter chain for every host. The site filter runs before it and resolves the host; the portal access filter
 * runs after it and checks membership. Sign-in itself is done by the hub's controllers and the one-time code flow.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http,
            Addresses addresses,
            Sessions sessions,
            ErrorPages errorPages,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlerMapping)
            throws Exception {
        RequestMatcher onHub = request -> Site.find(request).map(Site::hub).orElse(false);
        RequestMatcher onPortal =
                request -> Site.find(request).map(site -> !site.hub()).orElse(false);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers(new AndRequestMatcher(
                                onHub,
                                anyOf(
                                        "/",
                                        "/register",
                                        "/sign-in",
                                        "/verify",
                                        "/password-reset",
                                        "/password-reset/*",
                                        "/invitations/*",
                                        "/invitations/*/register",
                                        "/join/*",
                                        "/join/*/register",
                                        "/profile/email/confirm")))
                        .permitAll()
                        .requestMatchers(new AndRequestMatcher(onPortal, PATHS.matcher("/sso/callback")))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new SignInEntryPoint(addresses, routed(handlerMapping), errorPages))
                        .accessDeniedHandler(accessDenied(errorPages)))
                .securityContext(context -> context.securityContextRepository(securityContextRepository()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.logoutRequestMatcher(PATHS.matcher(HttpMethod.POST, "/sign-out"))
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication instanceof PersonAuthentication person) {
                                sessions.endAll(person.personId());
                            }
                        })
                        .logoutSuccessHandler((request, response, authentication) ->
                                SignInEntryPoint.redirect(request, response, addresses.hub("/"))))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'; base-uri 'self'")));
        return http.build();
    }

    /**
     * Returns whether a controller maps the request on its site. A path that only exists on a known mapping with
     * another method counts as mapped, so that the person signs in and then gets the usual 405 page.
     */
    private static Predicate<HttpServletRequest> routed(ObjectProvider<RequestMappingHandlerMapping> handlerMapping) {
        return request -> {
            Object parsedPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            ServletRequestPathUtils.parseAndCache(request);
            try {
                return handlerMapping.getObject().getHandler(request) != null;
            } catch (Exception e) {
                return true;
            } finally {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsedPath);
            }
        };
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** Argon2 for new hashes; the delegating encoder keeps old hashes readable if the algorithm ever changes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }

    @Bean
    FilterRegistrationBean<SiteFilter> siteFilter(Addresses addresses, Portals portals, ErrorPages errorPages) {
        var registration = new FilterRegistrationBean<>(new SiteFilter(addresses, portals, errorPages));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PortalAccessFilter> portalAccessFilter(
            Persons persons,
            Memberships memberships,
            PortalScope portalScope,
            ErrorPages errorPages,
            Addresses addresses) {
        var registration = new FilterRegistrationBean<>(
                new PortalAccessFilter(persons, memberships, portalScope, errorPages, addresses));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    private static AccessDeniedHandler accessDenied(ErrorPages errorPages) {
        return (request, response, denied) -> {
            if (denied instanceof CsrfException) {
                errorPages.render(request, response, 403, "error.csrf", "error.csrf.message");
            } else {
                errorPages.render(request, response, 403, "error.forbidden", "error.forbidden.message");
            }
        };
    }

    private static RequestMatcher anyOf(String... patterns) {
        return new OrRequestMatcher(
                java.util.Arrays.stream(patterns).map(PATHS::matcher).toArray(RequestMatcher[]::new));
    }
}
