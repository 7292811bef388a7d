package dev.canopy.directory;

import dev.canopy.mail.Mail;
import dev.canopy.mail.Mailer;
import dev.canopy.web.PlainText;
import dev.canopy.web.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Network profiles: registration, email verification and password resets. */
@Service
public class Accounts {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;
    static final int MAX_NAME = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final Persons persons;
    private final PersonTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final Mailer mailer;
    private final Addresses addresses;
    private final Sessions sessions;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration verificationLifetime;
    private final Duration resetLifetime;

    Accounts(
            Persons persons,
            PersonTokens tokens,
            PasswordEncoder passwordEncoder,
            Mailer mailer,
            Addresses addresses,
            Sessions sessions,
            MessageSource messages,
            Clock clock,
            @Value("${canopy.tokens.verification-lifetime:48h}") Duration verificationLifetime,
            @Value("${canopy.tokens.reset-lifetime:1h}") Duration resetLifetime) {
        this.persons = persons;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.mailer = mailer;
        this.addresses = addresses;
        this.sessions = sessions;
        this.messages = messages;
        this.clock = clock;
        this.verificationLifetime = verificationLifetime;
        this.resetLifetime = resetLifetime;
    }

    /** Whether emails are proved by a mailed link; without SMTP they are taken as given. */
    public boolean verifiesEmail() {
        return mailer.smtpConfigured();
    }

    /**
     * Registers a person. With SMTP, a new registration with the email of an unverified profile replaces it, and a
     * verification link is mailed.
     */
    @Transactional
    public Person register(String email, String password, String name) {
        return register(email, password, name, false);
    }

    /**
     * Registers a person who arrived by a link mailed to this email, such as an invitation: the email counts as
     * verified at once, and no verification link is mailed.
     */
    @Transactional
    public Person registerWithProvedEmail(String email, String password, String name) {
        return register(email, password, name, true);
    }

    private Person register(String email, String password, String name, boolean emailProved) {
        String normalizedEmail = checkEmail(email);
        checkPassword("password", password);
        String cleanName = checkName(name);
        Instant now = clock.instant();

        var existing = persons.findByEmail(normalizedEmail);
        if (existing.isPresent() && (existing.get().verified() || !verifiesEmail())) {
            throw new Refusal("email", "register.emailTaken");
        }
        Person person;
        if (existing.isPresent()) {
            person = persons.replaceUnverified(existing.get().id(), passwordEncoder.encode(password), cleanName);
            tokens.withdrawAll(person.id());
            sessions.endAll(person.id());
        } else {
            try {
                person = persons.insert(
                        normalizedEmail,
                        passwordEncoder.encode(password),
                        cleanName,
                        verifiesEmail() && !emailProved ? null : now,
                        now);
            } catch (DuplicateKeyException e) {
                throw new Refusal("email", "register.emailTaken");
            }
        }

        if (emailProved) {
            persons.markVerified(person.id(), now);
            person = persons.findById(person.id()).orElseThrow();
        } else if (verifiesEmail()) {
            sendVerification(person);
        }
        log.info("Person {} registered{}", person.id(), person.operator() ? " as the operator" : "");
        return person;
    }

    /** Mails a new verification link to an unverified person. */
    @Transactional
    public void resendVerification(long personId) {
        Person person = persons.findById(personId).orElseThrow();
        if (!person.verified() && verifiesEmail()) {
            tokens.withdraw(personId, PersonTokens.Purpose.VERIFY_EMAIL);
            sendVerification(person);
        }
    }

    /** Marks the email of the link's person as verified; the link works once. */
    @Transactional
    public Person verifyEmail(String token) {
        PersonTokens.Redeemed redeemed = tokens.redeem(token, PersonTokens.Purpose.VERIFY_EMAIL);
        Person person = persons.findById(redeemed.personId()).orElseThrow(() -> new Refusal(null, "token.unknown"));
        if (!person.email().equals(redeemed.email())) {
            throw new Refusal(null, "token.unknown");
        }
        persons.markVerified(person.id(), clock.instant());
        log.info("Person {} verified their email", person.id());
        return persons.findById(person.id()).orElseThrow();
    }

    /** Marks the person's email as verified because they opened a link mailed to it, such as an invitation. */
    @Transactional
    public void markEmailProved(long personId) {
        persons.markVerified(personId, clock.instant());
    }

    /** Mails a password-reset link when a profile has this email, and returns the same way when none has. */
    @Transactional
    public void requestPasswordReset(String email) {
        String normalizedEmail = checkEmail(email);
        persons.findByEmail(normalizedEmail).ifPresent(person -> {
            tokens.withdraw(person.id(), PersonTokens.Purpose.RESET_PASSWORD);
            String token = tokens.issue(
                    person.id(),
                    PersonTokens.Purpose.RESET_PASSWORD,
                    person.email(),
                    clock.instant().plus(resetLifetime));
            String link = addresses.hub("/password-reset/" + token);
            mailer.send(new Mail(
                    null,
                    person.email(),
                    text("mail.reset.subject"),
                    text("mail.reset.body", person.name(), link, resetLifetime.toMinutes())));
        });
    }

    /** Checks that a reset link can still be used, without using it. */
    public void checkResetToken(String token) {
        tokens.check(token, PersonTokens.Purpose.RESET_PASSWORD);
    }

    /** Sets a new password from a reset link and ends every session of the person. */
    @Transactional
    public Person resetPassword(String token, String newPassword) {
        checkPassword("password", newPassword);
        PersonTokens.Redeemed redeemed = tokens.redeem(token, PersonTokens.Purpose.RESET_PASSWORD);
        persons.updatePassword(redeemed.personId(), passwordEncoder.encode(newPassword));
        tokens.withdraw(redeemed.personId(), PersonTokens.Purpose.RESET_PASSWORD);
        sessions.endAll(redeemed.personId());
        log.info("Person {} reset their password", redeemed.personId());
        return persons.findById(redeemed.personId()).orElseThrow();
    }

    private void sendVerification(Person person) {
        String token = tokens.issue(
                person.id(),
                PersonTokens.Purpose.VERIFY_EMAIL,
                person.email(),
                clock.instant().plus(verificationLifetime));
        String link = addresses.hub("/verify?token=" + token);
        mailer.send(new Mail(
                null,
                person.email(),
                text("mail.verify.subject"),
                text("mail.verify.body", person.name(), link, verificationLifetime.toHours())));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }

    /** Returns the email trimmed and in lower case, or raises a refusal on the field "email" if it is invalid. */
    public static String checkEmail(String email) {
        String normalized = Persons.normalizeEmail(email);
        if (normalized.isEmpty()) {
            throw new Refusal("email", "email.missing");
        }
        if (normalized.length() > 254
                || !EMAIL.matcher(normalized).matches()
                || normalized.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal("email", "email.invalid");
        }
        return normalized;
    }

    static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new Refusal(field, "password.short", MIN_PASSWORD);
        }
        if (password.length() > MAX_PASSWORD) {
            throw new Refusal(field, "password.long", MAX_PASSWORD);
        }
    }

    static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new Refusal("name", "name.missing");
        }
        if (clean.length() > MAX_NAME || PlainText.hasControlCharacters(clean)) {
            throw new Refusal("name", "name.invalid", MAX_NAME);
        }
        return clean;
    }
}
