package dev.canopy.members;

import dev.canopy.directory.Addresses;
import dev.canopy.directory.CurrentMember;
import dev.canopy.mail.Mailer;
import dev.canopy.web.FormErrors;
import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' Invite page and the portal's stored outgoing mail. */
@Controller
@PortalPage
class InvitationsController {

    private static final int MAIL_SHOWN = 200;

    private final InvitationManagement management;
    private final InviteLinks inviteLinks;
    private final MemberDepartments departments;
    private final Addresses addresses;
    private final Mailer mailer;
    private final Pages pages;
    private final Clock clock;

    InvitationsController(
            InvitationManagement management,
            InviteLinks inviteLinks,
            MemberDepartments departments,
            Addresses addresses,
            Mailer mailer,
            Pages pages,
            Clock clock) {
        this.management = management;
        this.inviteLinks = inviteLinks;
        this.departments = departments;
        this.addresses = addresses;
        this.mailer = mailer;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/members/invite")
    String invitePage(HttpServletRequest request, Model model) {
        return page(request, model, "", (String) model.getAttribute("notice"), FormErrors.none());
    }

    @PostMapping("/members/invite")
    String invite(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember admin = MembersController.administrator(request);
        try {
            management.invite(admin.portal(), admin.membership(), email);
        } catch (Refusal refusal) {
            response.setStatus(MembersController.UNPROCESSABLE);
            return page(request, model, email, null, FormErrors.of(refusal, pages));
        } catch (Mailer.MailNotSentException e) {
            response.setStatus(503);
            return page(request, model, email, null, FormErrors.none().add("email", pages.msg("mail.failed")));
        }
        redirect.addFlashAttribute("notice", pages.msg("invite.sent", email.strip()));
        return "redirect:/members/invite";
    }

    @PostMapping("/members/add")
    String add(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember admin = MembersController.administrator(request);
        boolean added;
        try {
            added = management.add(admin.portal(), admin.membership(), email);
        } catch (Refusal refusal) {
            response.setStatus(MembersController.UNPROCESSABLE);
            return page(request, model, email, null, FormErrors.of(refusal, pages));
        } catch (Mailer.MailNotSentException e) {
            response.setStatus(503);
            return page(request, model, email, null, FormErrors.none().add("email", pages.msg("mail.failed")));
        }
        redirect.addFlashAttribute("notice", pages.msg(added ? "invite.added" : "invite.sent", email.strip()));
        return "redirect:/members/invite";
    }

    @PostMapping("/members/invite-link")
    String saveLink(
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "false") boolean needsApproval,
            @RequestParam(defaultValue = "") String department,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember admin = MembersController.administrator(request);
        long portalId = admin.portal().id();
        Long departmentId;
        try {
            departmentId = department.isBlank() ? null : Long.valueOf(department.strip());
            if (departmentId != null && !departments.exists(portalId, departmentId)) {
                throw new Refusal("department", "inviteLink.department.unknown");
            }
        } catch (NumberFormatException | Refusal e) {
            response.setStatus(MembersController.UNPROCESSABLE);
            Refusal refusal =
                    e instanceof Refusal found ? found : new Refusal("department", "inviteLink.department.unknown");
            return page(request, model, "", null, FormErrors.of(refusal, pages));
        }
        inviteLinks.save(portalId, enabled, needsApproval, departmentId, clock.instant());
        redirect.addFlashAttribute("notice", pages.msg(enabled ? "inviteLink.on" : "inviteLink.off"));
        return "redirect:/members/invite";
    }

    @PostMapping("/members/invite-link/renew")
    String renewLink(HttpServletRequest request, RedirectAttributes redirect) {
        CurrentMember admin = MembersController.administrator(request);
        inviteLinks.renew(admin.portal().id(), clock.instant());
        redirect.addFlashAttribute("notice", pages.msg("inviteLink.renewed"));
        return "redirect:/members/invite";
    }

    private String page(HttpServletRequest request, Model model, String email, String notice, FormErrors errors) {
        CurrentMember admin = MembersController.administrator(request);
        long portalId = admin.portal().id();
        var link = inviteLinks.find(portalId);
        model.addAttribute("page", pages.page(request, "invite.title"));
        model.addAttribute(
                "invite",
                new InvitePage(
                        email,
                        link.map(found -> addresses.hub("/join/" + found.token()))
                                .orElse(null),
                        link.map(InviteLinks.InviteLink::enabled).orElse(false),
                        link.map(InviteLinks.InviteLink::needsApproval).orElse(false),
                        link.map(InviteLinks.InviteLink::departmentId).orElse(null),
                        departments.list(portalId),
                        notice,
                        errors));
        return "members/invite";
    }

    @GetMapping("/mail")
    String mail(HttpServletRequest request, Model model) {
        CurrentMember admin = MembersController.administrator(request);
        model.addAttribute("page", pages.page(request, "portal.mail.title"));
        model.addAttribute("smtp", mailer.smtpConfigured());
        model.addAttribute("mails", mailer.portalMail(admin.portal().id(), MAIL_SHOWN));
        return "members/mail";
    }
}
