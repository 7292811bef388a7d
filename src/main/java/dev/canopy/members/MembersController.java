package dev.canopy.members;

import dev.canopy.directory.CurrentMember;
import dev.canopy.directory.MemberRole;
import dev.canopy.directory.MemberState;
import dev.canopy.directory.Membership;
import dev.canopy.directory.PortalMembers;
import dev.canopy.web.FormErrors;
import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Members page and what administrators do on it: roles, positions, approvals, invitations and dismissal. Every
 * member id is looked up within the current portal, so an id of another portal is not found.
 */
@Controller
@PortalPage
class MembersController {

    static final int UNPROCESSABLE = 422;

    private final PortalMembers members;
    private final MembersList list;
    private final InvitationManagement management;
    private final Approvals approvals;
    private final Pages pages;

    MembersController(
            PortalMembers members,
            MembersList list,
            InvitationManagement management,
            Approvals approvals,
            Pages pages) {
        this.members = members;
        this.list = list;
        this.management = management;
        this.approvals = approvals;
        this.pages = pages;
    }

    @GetMapping("/members")
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String page,
            HttpServletRequest request,
            Model model) {
        String notice = (String) model.getAttribute("notice");
        return list.render(request, model, q, state, page, notice, FormErrors.none());
    }

    @PostMapping("/members/{memberId}/role")
    String changeRole(
            @PathVariable long memberId,
            @RequestParam(defaultValue = "") String role,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember viewer = administrator(request);
        var membership = members.find(viewer.portal().id(), memberId).orElseThrow(NotFound::new);
        MemberRole newRole;
        try {
            newRole = MemberRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new Refusal("role", "members.role.invalid");
        }
        return act(
                request,
                response,
                model,
                redirect,
                "members.done.role",
                () -> members.changeRole(viewer.portal().id(), membership.id(), newRole));
    }

    @PostMapping("/members/{memberId}/position")
    String changePosition(
            @PathVariable long memberId,
            @RequestParam(defaultValue = "") String position,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember viewer = administrator(request);
        var membership = members.find(viewer.portal().id(), memberId).orElseThrow(NotFound::new);
        return act(
                request,
                response,
                model,
                redirect,
                "members.done.position",
                () -> members.changePosition(viewer.portal().id(), membership.id(), position));
    }

    @GetMapping("/members/{memberId}/dismiss")
    String dismissConfirmation(@PathVariable long memberId, HttpServletRequest request, Model model) {
        CurrentMember viewer = administrator(request);
        var membership = members.find(viewer.portal().id(), memberId).orElseThrow(NotFound::new);
        model.addAttribute("page", pages.page(request, "members.dismiss.title"));
        model.addAttribute("memberId", membership.id());
        model.addAttribute("name", displayName(membership));
        return "members/dismiss";
    }

    @PostMapping("/members/{memberId}/dismiss")
    String dismiss(
            @PathVariable long memberId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember viewer = administrator(request);
        var membership = members.find(viewer.portal().id(), memberId).orElseThrow(NotFound::new);
        return act(request, response, model, redirect, "members.done.dismissed", () -> {
            if (membership.state() != MemberState.ACTIVE) {
                throw new Refusal(null, "members.notActive");
            }
            members.dismiss(viewer.portal().id(), membership.id(), "members.lastAdministrator.dismiss");
        });
    }

    @PostMapping("/members/{memberId}/approve")
    String approve(
            @PathVariable long memberId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember viewer = administrator(request);
        return act(
                request,
                response,
                model,
                redirect,
                "members.done.approved",
                () -> approvals.approve(viewer.portal().id(), memberId));
    }

    @PostMapping("/members/{memberId}/decline")
    String decline(
            @PathVariable long memberId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember viewer = administrator(request);
        return act(
                request,
                response,
                model,
                redirect,
                "members.done.declined",
                () -> approvals.decline(viewer.portal().id(), memberId));
    }

    @PostMapping("/members/{memberId}/reinvite")
    String reinvite(
            @PathVariable long memberId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember viewer = administrator(request);
        return act(
                request,
                response,
                model,
                redirect,
                "members.done.invited",
                () -> management.reinvite(viewer.portal(), viewer.membership(), memberId));
    }

    @PostMapping("/members/invitations/{invitationId}/resend")
    String resend(
            @PathVariable long invitationId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember viewer = administrator(request);
        return act(
                request,
                response,
                model,
                redirect,
                "members.done.invited",
                () -> management.resend(viewer.portal(), viewer.membership(), invitationId));
    }

    @PostMapping("/members/invitations/{invitationId}/withdraw")
    String withdraw(
            @PathVariable long invitationId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CurrentMember viewer = administrator(request);
        return act(
                request,
                response,
                model,
                redirect,
                "members.done.withdrawn",
                () -> management.withdraw(viewer.portal(), invitationId));
    }

    /** Runs an action, then shows the list again: after a redirect when it worked, with the reason when refused. */
    private String act(
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect,
            String doneKey,
            Runnable action) {
        try {
            action.run();
        } catch (Refusal refusal) {
            response.setStatus(UNPROCESSABLE);
            return list.render(request, model, "", "", "", null, FormErrors.of(refusal, pages));
        }
        redirect.addFlashAttribute("notice", pages.msg(doneKey));
        return "redirect:/members";
    }

    private String displayName(Membership membership) {
        return membership.hasPerson()
                ? members.person(membership.personId()).orElseThrow().name()
                : members.email(membership);
    }

    static CurrentMember administrator(HttpServletRequest request) {
        CurrentMember viewer = CurrentMember.of(request);
        if (!viewer.administrator()) {
            throw new AdministratorsOnly();
        }
        return viewer;
    }
}
