package dev.canopy.directory;

import dev.canopy.mail.Mailer;
import dev.canopy.web.FormErrors;
import dev.canopy.web.HubPage;
import dev.canopy.web.Pages;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The hub's profile page, where a signed-in person changes their name, email and password. */
@Controller
@HubPage
class ProfileController {

    private static final Set<String> NOTICES = Set.of("name", "email", "emailSent", "password");

    private final Profiles profiles;
    private final Persons persons;
    private final Accounts accounts;
    private final Pages pages;

    ProfileController(Profiles profiles, Persons persons, Accounts accounts, Pages pages) {
        this.profiles = profiles;
        this.persons = persons;
        this.accounts = accounts;
        this.pages = pages;
    }

    @GetMapping("/profile")
    String show(@RequestParam(defaultValue = "") String changed, HttpServletRequest request, Model model) {
        String notice = NOTICES.contains(changed) ? "profile.changed." + changed : null;
        return profilePage(request, model, notice, "", "", FormErrors.none());
    }

    @PostMapping("/profile/name")
    String changeName(
            @RequestParam(defaultValue = "") String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            profiles.changeName(personId(), name);
        } catch (Refusal refusal) {
            response.setStatus(AccountController.UNPROCESSABLE);
            return profilePage(request, model, null, "name", name, FormErrors.of(refusal, pages));
        }
        return "redirect:/profile?changed=name";
    }

    @PostMapping("/profile/email")
    String changeEmail(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String currentPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        boolean changedNow;
        try {
            changedNow = profiles.requestEmailChange(personId(), email, currentPassword);
        } catch (Refusal refusal) {
            response.setStatus(AccountController.UNPROCESSABLE);
            return profilePage(request, model, null, "email", email, FormErrors.of(refusal, pages));
        } catch (Mailer.MailNotSentException e) {
            response.setStatus(503);
            return profilePage(
                    request, model, null, "email", email, FormErrors.none().add(null, pages.msg("mail.failed")));
        }
        return "redirect:/profile?changed=" + (changedNow ? "email" : "emailSent");
    }

    @PostMapping("/profile/password")
    String changePassword(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            profiles.changePassword(
                    personId(),
                    currentPassword,
                    newPassword,
                    request.getSession().getId());
        } catch (Refusal refusal) {
            response.setStatus(AccountController.UNPROCESSABLE);
            return profilePage(request, model, null, "password", "", FormErrors.of(refusal, pages));
        }
        return "redirect:/profile?changed=password";
    }

    /** Opens the link mailed to a new address. It works without a session, as the verification link does. */
    @GetMapping("/profile/email/confirm")
    String confirmEmail(
            @RequestParam(defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String title = "profile.email.confirmed.title";
        String message = "profile.email.confirmed.message";
        try {
            profiles.confirmEmailChange(token);
        } catch (Refusal refusal) {
            response.setStatus(400);
            title = "profile.email.failed.title";
            message = refusal.messageKey();
        }
        model.addAttribute("page", pages.page(request, title));
        model.addAttribute("message", pages.msg(message));
        return "hub/notice";
    }

    /**
     * Shows the profile page. The {@code form} parameter names the form whose input failed, so only that form shows the errors and
     * keeps the entered value.
     */
    private String profilePage(
            HttpServletRequest request, Model model, String notice, String form, String entered, FormErrors errors) {
        Person person = persons.findById(personId()).orElseThrow();
        model.addAttribute("page", pages.page(request, "profile.title"));
        model.addAttribute("person", person);
        model.addAttribute("notice", notice == null ? null : pages.msg(notice));
        model.addAttribute("form", form);
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
        model.addAttribute("verifiesEmail", accounts.verifiesEmail());
        return "hub/profile";
    }

    private static long personId() {
        return ((PersonAuthentication) SecurityContextHolder.getContext().getAuthentication()).personId();
    }
}
