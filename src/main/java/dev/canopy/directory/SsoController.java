package dev.canopy.directory;

import dev.canopy.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Both ends of the one-time code flow. The hub's end issues a code for a portal it serves and sends the browser to
 * that portal's configured address; the portal's end redeems the code and starts a session recorded to the portal.
 */
@Controller
class SsoController {

    private static final Logger log = LoggerFactory.getLogger(SsoController.class);

    private final Addresses addresses;
    private final Portals portals;
    private final SignInCodes codes;
    private final SecurityContextRepository contextRepository;
    private final ErrorPages errorPages;

    SsoController(
            Addresses addresses,
            Portals portals,
            SignInCodes codes,
            SecurityContextRepository contextRepository,
            ErrorPages errorPages) {
        this.addresses = addresses;
        this.portals = portals;
        this.codes = codes;
        this.contextRepository = contextRepository;
        this.errorPages = errorPages;
    }

    @GetMapping("/sso/authorize")
    void authorize(
            @RequestParam(defaultValue = "") String portal,
            @RequestParam(defaultValue = "") String state,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (!Site.of(request).hub()) {
            errorPages.render(request, response, 404, "error.notFound", "error.notFound.message");
            return;
        }
        var signedIn = (PersonAuthentication) SecurityContextHolder.getContext().getAuthentication();
        var target = addresses.resolve(portal) instanceof Addresses.Host.PortalAddress address
                ? portals.findByAddress(address.zone(), address.name())
                : java.util.Optional.<Portal>empty();
        if (target.isEmpty()) {
            errorPages.render(request, response, 404, "error.noPortal", "error.noPortal.message");
            return;
        }
        if (!Tokens.wellFormed(state)) {
            errorPages.render(request, response, 400, "error.badRequest", "error.badRequest.message");
            return;
        }
        Portal found = target.get();
        String code = codes.issue(found.id(), signedIn.personId(), state);
        response.sendRedirect(addresses.portal(
                found.zone(),
                found.name(),
                "/sso/callback?code="
                        + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state="
                        + URLEncoder.encode(state, StandardCharsets.UTF_8)));
    }

    @GetMapping("/sso/callback")
    void callback(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String state,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Site site = Site.of(request);
        if (site.hub()) {
            errorPages.render(request, response, 404, "error.notFound", "error.notFound.message");
            return;
        }
        Portal portal = site.portal();
        String target = SignInEntryPoint.takeState(request.getSession(false), state);
        var personId = target == null ? java.util.Optional.<Long>empty() : codes.redeem(code, portal.id(), state);
        if (personId.isEmpty()) {
            log.info("Refused a sign-in code on portal {}", portal.id());
            errorPages.render(
                    request,
                    response,
                    400,
                    "sso.failed",
                    "sso.failed.message",
                    addresses.portal(portal.zone(), portal.name(), "/"));
            return;
        }

        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PersonAuthentication(personId.get()));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        request.getSession().setAttribute(Sessions.PORTAL_ATTRIBUTE, portal.id());
        response.sendRedirect(addresses.portal(portal.zone(), portal.name(), SafePaths.local(target)));
    }
}
