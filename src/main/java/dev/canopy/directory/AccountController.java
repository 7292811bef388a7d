package dev.canopy.directory;

import dev.canopy.mail.Mailer;
import dev.canopy.web.FormErrors;
import dev.canopy.web.HubPage;
import dev.canopy.web.Pages;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The hub's account pages: register, sign in, verify an email, reset a password. */
@Controller
@HubPage
class AccountController {

    static final int UNPROCESSABLE = 422;

    private final Accounts accounts;
    private final SignIns signIns;
    private final SecurityContextRepository contextRepository;
    private final Pages pages;
    private final Mailer mailer;
    private final Addresses addresses;

    AccountController(
            Accounts accounts,
            SignIns signIns,
            SecurityContextRepository contextRepository,
            Pages pages,
            Mailer mailer,
            Addresses addresses) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.contextRepository = contextRepository;
        this.pages = pages;
        this.mailer = mailer;
        this.addresses = addresses;
    }

    @GetMapping("/register")
    String registrationForm(HttpServletRequest request, Model model) {
        return registrationPage(request, model, "", "", FormErrors.none());
    }

    @PostMapping("/register")
    String register(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Person person;
        try {
            person = accounts.register(email, password, name);
        } catch (Refusal refusal) {
            response.setStatus(UNPROCESSABLE);
            return registrationPage(request, model, email, name, FormErrors.of(refusal, pages));
        } catch (Mailer.MailNotSentException e) {
            response.setStatus(503);
            return registrationPage(
                    request, model, email, name, FormErrors.none().add(null, pages.msg("mail.failed")));
        }
        signIn(person, request, response);
        return "redirect:" + addresses.hub("/");
    }

    private String registrationPage(
            HttpServletRequest request, Model model, String email, String name, FormErrors errors) {
        model.addAttribute("page", pages.page(request, "register.title"));
        model.addAttribute("email", email);
        model.addAttribute("name", name);
        model.addAttribute("errors", errors);
        model.addAttribute("verifiesEmail", accounts.verifiesEmail());
        return "hub/register";
    }

    @GetMapping("/sign-in")
    String signInForm(@RequestParam(defaultValue = "/") String next, HttpServletRequest request, Model model) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof PersonAuthentication) {
            return "redirect:" + addresses.hub(SafePaths.local(next));
        }
        return signInPage(request, model, "", SafePaths.local(next), FormErrors.none());
    }

    @PostMapping("/sign-in")
    String signIn(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "/") String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Person person;
        try {
            person = signIns.authenticate(email, password);
        } catch (Refusal refusal) {
            response.setStatus(UNPROCESSABLE);
            return signInPage(request, model, email, SafePaths.local(next), FormErrors.of(refusal, pages));
        }
        signIn(person, request, response);
        return "redirect:" + addresses.hub(SafePaths.local(next));
    }

    private String signInPage(HttpServletRequest request, Model model, String email, String next, FormErrors errors) {
        model.addAttribute("page", pages.page(request, "signIn.title"));
        model.addAttribute("email", email);
        model.addAttribute("next", next);
        model.addAttribute("errors", errors);
        return "hub/signIn";
    }

    @GetMapping("/verify")
    String verify(
            @RequestParam(defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.verifyEmail(token);
            return notice(request, model, "verify.done.title", "verify.done.message");
        } catch (Refusal refusal) {
            response.setStatus(400);
            return notice(request, model, "verify.failed.title", refusal.messageKey());
        }
    }

    @PostMapping("/verify/resend")
    String resendVerification(HttpServletRequest request, HttpServletResponse response, Model model) {
        var signedIn = (PersonAuthentication) SecurityContextHolder.getContext().getAuthentication();
        try {
            accounts.resendVerification(signedIn.personId());
        } catch (Mailer.MailNotSentException e) {
            response.setStatus(503);
            return notice(request, model, "mail.failed.title", "mail.failed");
        }
        return notice(request, model, "verify.resent.title", "verify.resent.message");
    }

    @GetMapping("/password-reset")
    String passwordResetRequestForm(HttpServletRequest request, Model model) {
        return resetRequestPage(request, model, "", FormErrors.none());
    }

    @PostMapping("/password-reset")
    String requestPasswordReset(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.requestPasswordReset(email);
        } catch (Refusal refusal) {
            response.setStatus(UNPROCESSABLE);
            return resetRequestPage(request, model, email, FormErrors.of(refusal, pages));
        } catch (Mailer.MailNotSentException e) {
            response.setStatus(503);
            return resetRequestPage(request, model, email, FormErrors.none().add(null, pages.msg("mail.failed")));
        }
        return notice(request, model, "reset.sent.title", "reset.sent.message");
    }

    private String resetRequestPage(HttpServletRequest request, Model model, String email, FormErrors errors) {
        model.addAttribute("page", pages.page(request, "reset.request.title"));
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "hub/passwordResetRequest";
    }

    @GetMapping("/password-reset/{token}")
    String passwordResetForm(
            @PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            accounts.checkResetToken(token);
        } catch (Refusal refusal) {
            response.setStatus(400);
            return notice(request, model, "reset.failed.title", refusal.messageKey());
        }
        return resetPage(request, model, token, FormErrors.none());
    }

    @PostMapping("/password-reset/{token}")
    String resetPassword(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.resetPassword(token, password);
        } catch (Refusal refusal) {
            response.setStatus(refusal.field() == null ? 400 : UNPROCESSABLE);
            if (refusal.field() == null) {
                return notice(request, model, "reset.failed.title", refusal.messageKey());
            }
            return resetPage(request, model, token, FormErrors.of(refusal, pages));
        }
        SecurityContextHolder.clearContext();
        return notice(request, model, "reset.done.title", "reset.done.message");
    }

    private String resetPage(HttpServletRequest request, Model model, String token, FormErrors errors) {
        model.addAttribute("page", pages.page(request, "reset.title"));
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "hub/passwordReset";
    }

    private String notice(HttpServletRequest request, Model model, String titleKey, String messageKey) {
        model.addAttribute("page", pages.page(request, titleKey));
        model.addAttribute("message", pages.msg(messageKey));
        return "hub/notice";
    }

    /**
     * Starts a hub session for the person in a new session, so that a planted session id is worthless. The old
     * session is dropped rather than renamed because registration may have just ended it in the database (a new
     * registration replacing an unverified profile ends that profile's sessions), and a renamed copy would not be
     * stored again.
     */
    private void signIn(Person person, HttpServletRequest request, HttpServletResponse response) {
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PersonAuthentication(person.id()));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }
}
