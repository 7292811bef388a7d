package dev.canopy.directory;

import dev.canopy.mail.Mail;
import dev.canopy.mail.Mailer;
import dev.canopy.web.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to a signed-in person's own network profile: name, email and password. */
@Service
class Profiles {

    private static final Logger log = LoggerFactory.getLogger(Profiles.class);

    private final Persons persons;
    private final PersonTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final Mailer mailer;
    private final Addresses addresses;
    private final Sessions sessions;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration verificationLifetime;

    Profiles(
            Persons persons,
            PersonTokens tokens,
            PasswordEncoder passwordEncoder,
            Mailer mailer,
            Addresses addresses,
            Sessions sessions,
            MessageSource messages,
            Clock clock,
            @Value("${canopy.tokens.verification-lifetime:48h}") Duration verificationLifetime) {
        this.persons = persons;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.mailer = mailer;
        this.addresses = addresses;
        this.sessions = sessions;
        this.messages = messages;
        this.clock = clock;
        this.verificationLifetime = verificationLifetime;
    }

    /** Renames the person. Every portal reads the name from the profile, so it changes everywhere at once. */
    @Transactional
    public void changeName(long personId, String name) {
        persons.updateName(personId, Accounts.checkName(name));
    }

    /**
     * Starts an email change after checking the current password. With SMTP the new address must be confirmed by a
     * mailed link first. Without SMTP it replaces the old one at once.
     *
     * @return true when the email changed now, false when a confirmation link was mailed
     */
    @Transactional
    public boolean requestEmailChange(long personId, String newEmail, String currentPassword) {
        String email = Accounts.checkEmail(newEmail);
        Person person = persons.findById(personId).orElseThrow();
        checkCurrentPassword(personId, currentPassword);
        if (email.equals(person.email())) {
            throw new Refusal("email", "profile.email.same");
        }
        checkAvailable(email);

        if (!mailer.smtpConfigured()) {
            applyEmail(person, email);
            return true;
        }
        tokens.withdraw(personId, PersonTokens.Purpose.CHANGE_EMAIL);
        String token = tokens.issue(
                personId,
                PersonTokens.Purpose.CHANGE_EMAIL,
                email,
                clock.instant().plus(verificationLifetime));
        String link = addresses.hub("/profile/email/confirm?token=" + token);
        mailer.send(new Mail(
                null,
                email,
                text("mail.emailChange.subject"),
                text("mail.emailChange.body", person.name(), link, verificationLifetime.toHours())));
        log.info("Person {} requested an email change, and a confirmation link was mailed", personId);
        return false;
    }

    /** Moves the profile to the address that the mailed link proved, unless another profile took it meanwhile. */
    @Transactional
    public void confirmEmailChange(String token) {
        PersonTokens.Redeemed redeemed = tokens.redeem(token, PersonTokens.Purpose.CHANGE_EMAIL);
        Person person = persons.findById(redeemed.personId()).orElseThrow(() -> new Refusal(null, "token.unknown"));
        checkAvailable(redeemed.email());

        applyEmail(person, redeemed.email());
    }

    /** Sets a new password after checking the current one, and ends every other session of the person. */
    @Transactional
    public void changePassword(long personId, String currentPassword, String newPassword, String keptSessionId) {
        checkCurrentPassword(personId, currentPassword);
        Accounts.checkPassword("newPassword", newPassword);

        persons.updatePassword(personId, passwordEncoder.encode(newPassword));
        tokens.withdraw(personId, PersonTokens.Purpose.RESET_PASSWORD);
        sessions.endAllExcept(personId, keptSessionId);
        log.info("Person {} changed their password, and their other sessions were ended", personId);
    }

    private void applyEmail(Person person, String email) {
        try {
            persons.updateEmail(person.id(), email, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new Refusal("email", "profile.email.taken");
        }
        // Links mailed to the old address must not keep working for the profile.
        tokens.withdrawAll(person.id());
        log.info("Person {} changed their email", person.id());
    }

    private void checkAvailable(String email) {
        if (persons.findByEmail(email).isPresent()) {
            throw new Refusal("email", "profile.email.taken");
        }
    }

    private void checkCurrentPassword(long personId, String currentPassword) {
        String hash = persons.passwordHash(personId).orElseThrow();
        if (currentPassword == null || currentPassword.isEmpty() || !passwordEncoder.matches(currentPassword, hash)) {
            throw new Refusal("currentPassword", "profile.password.wrong");
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
