package dev.canopy.mail;

import dev.canopy.tenancy.PortalScope;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends mail over SMTP when {@code spring.mail.host} is set, and stores it otherwise. */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender smtp;
    private final JdbcClient jdbc;
    private final PortalScope portalScope;
    private final Clock clock;
    private final String from;

    Mailer(
            ObjectProvider<JavaMailSender> smtp,
            JdbcClient jdbc,
            PortalScope portalScope,
            Clock clock,
            @Value("${canopy.mail.from:canopy@localhost}") String from) {
        this.smtp = smtp.getIfAvailable();
        this.jdbc = jdbc;
        this.portalScope = portalScope;
        this.clock = clock;
        this.from = from;
    }

    /** Logs at start-up whether mail is sent, because without SMTP no email address is verified. */
    @EventListener(ApplicationReadyEvent.class)
    void logMailMode() {
        if (smtp == null) {
            log.warn("No SMTP server is configured (spring.mail.host is unset), so Canopy does not verify email"
                    + " addresses and stores outgoing mail for the operator and portal administrators instead of"
                    + " sending it");
        } else {
            log.info("Mail is sent over SMTP, and email addresses are verified by a mailed link");
        }
    }

    /** Whether mail leaves the machine; without SMTP, Canopy cannot prove that a person owns an address. */
    public boolean smtpConfigured() {
        return smtp != null;
    }

    /**
     * Sends or stores the mail.
     *
     * @throws MailNotSentException when the SMTP server refuses or cannot be reached
     */
    public void send(Mail mail) {
        if (smtp != null) {
            sendOverSmtp(mail);
        } else if (mail.portalId() == null) {
            jdbc.sql("insert into directory.hub_mail (recipient, subject, body, created_at) values (?, ?, ?, ?)")
                    .params(mail.recipient(), mail.subject(), mail.body(), now())
                    .update();
        } else {
            portalScope.runAs(
                    mail.portalId(),
                    () -> jdbc.sql(
                                    "insert into portal.mail (portal_id, recipient, subject, body, created_at) values (?, ?, ?, ?, ?)")
                            .params(mail.portalId(), mail.recipient(), mail.subject(), mail.body(), now())
                            .update());
        }
    }

    /** Lists the stored mail of the hub, newest first. */
    public List<StoredMail> hubMail(int limit) {
        return jdbc.sql(
                        "select id, recipient, subject, body, created_at from directory.hub_mail order by id desc limit ?")
                .param(limit)
                .query((rows, n) -> new StoredMail(
                        rows.getLong("id"),
                        rows.getString("recipient"),
                        rows.getString("subject"),
                        rows.getString("body"),
                        rows.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Lists the stored mail of a portal, newest first. */
    public List<StoredMail> portalMail(long portalId, int limit) {
        return portalScope.callAs(
                portalId,
                () -> jdbc.sql(
                                "select id, recipient, subject, body, created_at from portal.mail order by id desc limit ?")
                        .param(limit)
                        .query((rows, n) -> new StoredMail(
                                rows.getLong("id"),
                                rows.getString("recipient"),
                                rows.getString("subject"),
                                rows.getString("body"),
                                rows.getObject("created_at", OffsetDateTime.class)
                                        .toInstant()))
                        .list());
    }

    private void sendOverSmtp(Mail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.recipient());
        message.setSubject(mail.subject());
        message.setText(mail.body());
        try {
            smtp.send(message);
        } catch (MailException e) {
            log.warn(
                    "Sending a mail of portal {} over SMTP failed: {}",
                    mail.portalId(),
                    e.getClass().getSimpleName());
            throw new MailNotSentException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    /** A stored message, as the operator or a portal's administrators read it. */
    public record StoredMail(long id, String recipient, String subject, String body, Instant createdAt) {}

    /** Raised when the SMTP server could not take a message. */
    public static class MailNotSentException extends RuntimeException {

        MailNotSentException(Throwable cause) {
            super("The mail server did not accept the message", cause);
        }
    }
}
