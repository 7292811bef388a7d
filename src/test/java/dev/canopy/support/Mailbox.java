package dev.canopy.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server in the test JVM, on a free port, that keeps every mail Canopy sends. */
public final class Mailbox {

    private final GreenMail greenMail;

    private Mailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts an SMTP server on a free loopback port. */
    public static Mailbox start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new Mailbox(greenMail);
    }

    /** Points the application's SMTP settings at this mailbox. */
    public void useAsSmtp(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", this::port);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public void stop() {
        greenMail.stop();
    }

    /** Waits up to five seconds for the newest mail to the recipient and returns its decoded text. */
    public String latestTo(String recipient) {
        for (int tries = 0; tries < 50; tries++) {
            var mails = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(mail -> sentTo(mail, recipient))
                    .toList();
            if (!mails.isEmpty()) {
                return text(mails.get(mails.size() - 1));
            }
            pause();
        }
        throw new AssertionError("No mail arrived for " + recipient);
    }

    /** Returns how many mails the recipient received. */
    public long countTo(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(mail -> sentTo(mail, recipient))
                .count();
    }

    /** Returns the first absolute link in the text whose path starts with the prefix. */
    public static String link(String text, String pathPrefix) {
        Matcher matcher = Pattern.compile("https?://[^\\s/]+" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_\\-?=&]*")
                .matcher(text);
        assertThat(matcher.find()).as("a link to %s in: %s", pathPrefix, text).isTrue();
        return matcher.group();
    }

    private static boolean sentTo(MimeMessage mail, String recipient) {
        try {
            return Arrays.stream(mail.getAllRecipients())
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
