package dev.canopy.members;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Addresses;
import dev.canopy.directory.MemberState;
import dev.canopy.directory.Person;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalMembers;
import dev.canopy.directory.SignedIn;
import dev.canopy.mail.Mailer;
import dev.canopy.web.FormErrors;
import dev.canopy.web.HubPage;
import dev.canopy.web.Pages;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hub's end of mailed invitations: a person with a profile signs in and joins, a new person registers on the
 * way in, and either lands on the portal signed in. Nothing about an invitation shows without its token.
 */
@Controller
@HubPage
class InvitationLandingController {

    private static final Set<String> GONE = Set.of("invitation.used", "invitation.withdrawn", "invitation.expired");

    private final InvitationAcceptance acceptance;
    private final PortalMembers members;
    private final Accounts accounts;
    private final SignedIn signedIn;
    private final Addresses addresses;
    private final Pages pages;

    InvitationLandingController(
            InvitationAcceptance acceptance,
            PortalMembers members,
            Accounts accounts,
            SignedIn signedIn,
            Addresses addresses,
            Pages pages) {
        this.acceptance = acceptance;
        this.members = members;
        this.accounts = accounts;
        this.signedIn = signedIn;
        this.addresses = addresses;
        this.pages = pages;
    }

    @GetMapping("/invitations/{token}")
    String landing(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Invitations.Invitation invitation;
        try {
            invitation = acceptance.open(token);
        } catch (Refusal refusal) {
            return refused(refusal, request, response, model);
        }
        var person = SignedIn.personId().flatMap(members::person);
        if (person.isPresent() && !person.get().email().equals(invitation.email())) {
            return mismatch(request, response, model);
        }
        return landingPage(
                request, model, token, invitation, person.map(Person::name).orElse(null), "", FormErrors.none());
    }

    @PostMapping("/invitations/{token}/accept")
    String accept(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        long personId = SignedIn.personId().orElseThrow();
        Portal portal;
        try {
            portal = acceptance.acceptByToken(token, personId);
        } catch (Refusal refusal) {
            if (refusal.messageKey().equals("invitation.mismatch")) {
                return mismatch(request, response, model);
            }
            return refused(refusal, request, response, model);
        }
        return "redirect:" + addresses.portal(portal.zone(), portal.name(), "/");
    }

    @PostMapping("/invitations/{token}/register")
    String register(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Invitations.Invitation invitation;
        try {
            invitation = acceptance.open(token);
        } catch (Refusal refusal) {
            return refused(refusal, request, response, model);
        }
        if (SignedIn.personId().isPresent()) {
            return "redirect:/invitations/" + token;
        }
        Person person;
        try {
            person = accounts.registerWithProvedEmail(invitation.email(), password, name);
        } catch (Refusal refusal) {
            response.setStatus(MembersController.UNPROCESSABLE);
            return landingPage(request, model, token, invitation, null, name, FormErrors.of(refusal, pages));
        }
        signedIn.startHubSession(person.id(), request, response);
        return accept(token, request, response, model);
    }

    @PostMapping("/invitations/pending/{invitationId}/accept")
    String acceptFromHub(
            @PathVariable long invitationId, HttpServletRequest request, HttpServletResponse response, Model model) {
        Portal portal;
        try {
            portal = acceptance.acceptFromHub(invitationId, SignedIn.personId().orElseThrow());
        } catch (Refusal refusal) {
            return refused(refusal, request, response, model);
        }
        return "redirect:" + addresses.portal(portal.zone(), portal.name(), "/");
    }

    @GetMapping("/join/{token}")
    String joinLanding(
            @PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            var link = acceptance.link(token);
            var person = SignedIn.personId().flatMap(members::person);
            return joinPage(request, model, acceptance.portalOf(link), token, person, "", "", FormErrors.none());
        } catch (Refusal refusal) {
            return refused(refusal, request, response, model);
        }
    }

    @PostMapping("/join/{token}/accept")
    String join(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        MemberState state;
        Portal portal;
        try {
            state = acceptance.joinByLink(token, SignedIn.personId().orElseThrow());
            portal = acceptance.portalOf(acceptance.link(token));
        } catch (Refusal refusal) {
            return refused(refusal, request, response, model);
        }
        if (state == MemberState.AWAITING_APPROVAL) {
            return notice(request, model, "joinLink.awaiting.title", pages.msg("joinLink.awaiting", portal.title()));
        }
        return "redirect:" + addresses.portal(portal.zone(), portal.name(), "/");
    }

    @PostMapping("/join/{token}/register")
    String joinAsNewPerson(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Portal portal;
        try {
            portal = acceptance.portalOf(acceptance.link(token));
        } catch (Refusal refusal) {
            return refused(refusal, request, response, model);
        }
        if (SignedIn.personId().isPresent()) {
            return "redirect:/join/" + token;
        }
        Person person;
        try {
            person = accounts.register(email, password, name);
        } catch (Refusal refusal) {
            response.setStatus(MembersController.UNPROCESSABLE);
            return joinPage(
                    request, model, portal, token, Optional.empty(), name, email, FormErrors.of(refusal, pages));
        } catch (Mailer.MailNotSentException e) {
            response.setStatus(503);
            return notice(request, model, "mail.failed.title", pages.msg("mail.failed"));
        }
        signedIn.startHubSession(person.id(), request, response);
        if (accounts.verifiesEmail() && !person.verified()) {
            return notice(request, model, "joinLink.verify.title", pages.msg("joinLink.verify", portal.title()));
        }
        return join(token, request, response, model);
    }

    private String landingPage(
            HttpServletRequest request,
            Model model,
            String token,
            Invitations.Invitation invitation,
            String signedInName,
            String name,
            FormErrors errors) {
        Portal portal = acceptance.portalOf(invitation);
        model.addAttribute("page", pages.page(request, "invitation.title", portal.title()));
        model.addAttribute(
                "landing",
                new Landing(
                        portal.title(), invitation.email(), "/invitations/" + token, signedInName, name, "", errors));
        return "members/landing";
    }

    private String joinPage(
            HttpServletRequest request,
            Model model,
            Portal portal,
            String token,
            Optional<Person> person,
            String name,
            String email,
            FormErrors errors) {
        model.addAttribute("page", pages.page(request, "invitation.title", portal.title()));
        model.addAttribute(
                "landing",
                new Landing(
                        portal.title(),
                        null,
                        "/join/" + token,
                        person.map(Person::name).orElse(null),
                        name,
                        email,
                        errors));
        return "members/landing";
    }

    private String mismatch(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(409);
        return notice(request, model, "invitation.mismatch.title", pages.msg("invitation.mismatch"));
    }

    private String refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean gone =
                GONE.contains(refusal.messageKey()) || refusal.messageKey().equals("joinLink.off");
        boolean unknown = refusal.messageKey().endsWith(".unknown");
        if (gone) {
            response.setStatus(410);
        } else if (unknown) {
            response.setStatus(404);
        } else {
            response.setStatus(400);
        }
        return notice(request, model, "invitation.failed.title", pages.msg(refusal.messageKey(), refusal.arguments()));
    }

    private String notice(HttpServletRequest request, Model model, String titleKey, String message) {
        model.addAttribute("page", pages.page(request, titleKey));
        model.addAttribute("message", message);
        return "hub/notice";
    }
}
