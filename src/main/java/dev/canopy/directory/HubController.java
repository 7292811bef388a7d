package dev.canopy.directory;

import dev.canopy.mail.Mailer;
import dev.canopy.web.FormErrors;
import dev.canopy.web.HubPage;
import dev.canopy.web.Pages;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The hub: a person's portals, creating a portal, and the operator's stored mail. */
@Controller
@HubPage
class HubController {

    private final Persons persons;
    private final Memberships memberships;
    private final PortalCreation portalCreation;
    private final Accounts accounts;
    private final Addresses addresses;
    private final Mailer mailer;
    private final Pages pages;
    private final ObjectProvider<PendingInvitations> pendingInvitations;

    HubController(
            Persons persons,
            Memberships memberships,
            PortalCreation portalCreation,
            Accounts accounts,
            Addresses addresses,
            Mailer mailer,
            Pages pages,
            ObjectProvider<PendingInvitations> pendingInvitations) {
        this.persons = persons;
        this.memberships = memberships;
        this.portalCreation = portalCreation;
        this.accounts = accounts;
        this.addresses = addresses;
        this.mailer = mailer;
        this.pages = pages;
        this.pendingInvitations = pendingInvitations;
    }

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        model.addAttribute("verifiesEmail", accounts.verifiesEmail());
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PersonAuthentication signedIn)) {
            model.addAttribute("page", pages.page(request, "hub.welcome.title"));
            return "hub/welcome";
        }
        Person person = persons.findById(signedIn.personId()).orElseThrow();
        List<PortalLink> portals = memberships.activePortalsOf(person.id()).stream()
                .map(entry -> new PortalLink(
                        entry.portal().title(),
                        addresses.portalHost(
                                entry.portal().zone(), entry.portal().name()),
                        addresses.portal(entry.portal().zone(), entry.portal().name(), "/"),
                        entry.role()))
                .toList();
        model.addAttribute("page", pages.page(request, "hub.title"));
        model.addAttribute("person", person);
        model.addAttribute("portals", portals);
        PendingInvitations pending = pendingInvitations.getIfAvailable();
        model.addAttribute("invitations", pending == null ? List.of() : pending.of(person));
        return "hub/home";
    }

    @GetMapping("/portals/new")
    String newPortalForm(HttpServletRequest request, Model model) {
        return newPortalPage(request, model, "", "", addresses.zones().get(0).name(), FormErrors.none());
    }

    @PostMapping("/portals")
    String createPortal(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String zone,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var signedIn = (PersonAuthentication) SecurityContextHolder.getContext().getAuthentication();
        Portal portal;
        try {
            portal = portalCreation.create(signedIn.personId(), title, name, zone);
        } catch (Refusal refusal) {
            response.setStatus(AccountController.UNPROCESSABLE);
            return newPortalPage(request, model, title, name, zone, FormErrors.of(refusal, pages));
        }
        return "redirect:" + addresses.portal(portal.zone(), portal.name(), "/");
    }

    private String newPortalPage(
            HttpServletRequest request, Model model, String title, String name, String zone, FormErrors errors) {
        var signedIn = (PersonAuthentication) SecurityContextHolder.getContext().getAuthentication();
        Person person = persons.findById(signedIn.personId()).orElseThrow();
        model.addAttribute("page", pages.page(request, "portal.new.title"));
        model.addAttribute("title", title);
        model.addAttribute("name", name);
        model.addAttribute("zone", zone);
        model.addAttribute(
                "zones",
                addresses.zones().stream()
                        .map(each -> new ZoneOption(each.name(), "." + each.domain()))
                        .toList());
        model.addAttribute("errors", errors);
        model.addAttribute("blocked", accounts.verifiesEmail() && !person.verified());
        return "hub/newPortal";
    }

    @GetMapping("/operator/mail")
    String operatorMail(HttpServletRequest request, HttpServletResponse response, Model model) {
        var signedIn = (PersonAuthentication) SecurityContextHolder.getContext().getAuthentication();
        Person person = persons.findById(signedIn.personId()).orElseThrow();
        if (!person.operator()) {
            response.setStatus(403);
            model.addAttribute("page", pages.page(request, "error.forbidden"));
            model.addAttribute(
                    "error",
                    new dev.canopy.web.ErrorPages.ErrorView(
                            403, pages.msg("error.forbidden"), pages.msg("operator.only")));
            return "error";
        }
        model.addAttribute("page", pages.page(request, "operator.mail.title"));
        model.addAttribute("smtp", mailer.smtpConfigured());
        model.addAttribute("mails", mailer.hubMail(200));
        return "hub/operatorMail";
    }
}
