package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.Mailbox;
import dev.canopy.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Password reset by a mailed link, on an install without SMTP where the hub stores its mail. */
@CanopyTest
class PasswordResetIntegrationTest {

    static final String NEW_PASSWORD = "brand new password";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Canopy canopy;

    @BeforeEach
    void setUp() {
        canopy = new Canopy(port);
    }

    @Test
    void resetLinkWorksOnceAndEndsEverySession() throws Exception {
        try (HttpBrowser first = new HttpBrowser();
                HttpBrowser second = new HttpBrowser();
                HttpBrowser anonymous = new HttpBrowser()) {
            canopy.register(first, "pia@example.com", "Pia Reset");
            canopy.createPortal(first, "Pia Co", "pia-co");
            canopy.signIn(second, "pia@example.com");
            assertThat(first.get(canopy.portal("pia-co", "/")).status()).isEqualTo(200);
            String link = requestReset(anonymous, "pia@example.com");

            var form = anonymous.get(link);
            assertThat(form.status()).isEqualTo(200);
            var done = anonymous.post(link, "password", NEW_PASSWORD);

            assertThat(done.status()).isEqualTo(200);
            assertThat(done.body()).contains("Your password is changed");
            assertThat(first.get(canopy.hub("/")).body()).as("hub session").doesNotContain("Pia Reset");
            assertThat(second.get(canopy.hub("/")).body())
                    .as("other hub session")
                    .doesNotContain("Pia Reset");
            var portal = first.get(canopy.portal("pia-co", "/"));
            assertThat(portal.status()).as("portal session").isEqualTo(302);
            assertThat(portal.location()).startsWith(canopy.hub("/sso/authorize"));
            assertThat(signIn("pia@example.com", Canopy.PASSWORD)).isEqualTo(422);
            assertThat(signIn("pia@example.com", NEW_PASSWORD)).isEqualTo(302);

            var reopened = anonymous.get(link);
            assertThat(reopened.status()).isEqualTo(400);
            assertThat(reopened.body()).contains("This link was already used");
            anonymous.get(canopy.hub("/password-reset"));
            var reused = anonymous.post(link, "password", "third password here");
            assertThat(reused.status()).isEqualTo(400);
            assertThat(signIn("pia@example.com", "third password here")).isEqualTo(422);
        }
    }

    @Test
    void resetLinkExpires() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "ola@example.com", "Ola Slow");
            String link = requestReset(browser, "ola@example.com");
            browser.get(link);

            clock.advance(Duration.ofMinutes(61));
            var expired = browser.get(link);
            var posted = browser.post(link, "password", NEW_PASSWORD);

            assertThat(expired.status()).isEqualTo(400);
            assertThat(expired.body()).contains("This link has expired");
            assertThat(posted.status()).isEqualTo(400);
            assertThat(signIn("ola@example.com", NEW_PASSWORD)).isEqualTo(422);
            assertThat(signIn("ola@example.com", Canopy.PASSWORD)).isEqualTo(302);
        }
    }

    @Test
    void shortNewPasswordKeepsLinkUsable() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "kim@example.com", "Kim Short");
            String link = requestReset(browser, "kim@example.com");
            browser.get(link);

            var refused = browser.post(link, "password", "short");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(Canopy.fieldError(refused, "password"))
                    .isEqualTo("The password must have at least 10 characters.");
            assertThat(browser.post(link, "password", NEW_PASSWORD).status()).isEqualTo(200);
            assertThat(signIn("kim@example.com", NEW_PASSWORD)).isEqualTo(302);
        }
    }

    @Test
    void unknownEmailGetsSameResponse() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "nat@example.com", "Nat Known");
            int mailsBefore = mailCount();

            browser.get(canopy.hub("/password-reset"));
            var known = browser.post(canopy.hub("/password-reset"), "email", "nat@example.com");
            browser.get(canopy.hub("/password-reset"));
            var unknown = browser.post(canopy.hub("/password-reset"), "email", "nobody@example.com");

            assertThat(unknown.status()).isEqualTo(known.status());
            assertThat(notice(unknown)).isEqualTo(notice(known));
            assertThat(notice(known)).contains("If a profile has this email");
            assertThat(mailCount()).as("one mail, to the known email").isEqualTo(mailsBefore + 1);
        }
    }

    @Test
    void storesOnlyHashOfResetToken() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "ria@example.com", "Ria Hashed");
            String link = requestReset(browser, "ria@example.com");
            String token = link.substring(link.lastIndexOf('/') + 1);

            int raw = jdbc.sql("""
                            select count(*) from directory.person_tokens
                            where token_hash = convert_to(?, 'UTF8') or position(convert_to(?, 'UTF8') in token_hash) > 0
                            """).params(token, token).query(Integer.class).single();
            int hashed = jdbc.sql(
                            "select count(*) from directory.person_tokens where token_hash = sha256(convert_to(?, 'UTF8'))")
                    .param(token)
                    .query(Integer.class)
                    .single();

            assertThat(raw).isZero();
            assertThat(hashed).isEqualTo(1);
        }
    }

    private String requestReset(HttpBrowser browser, String email) {
        browser.get(canopy.hub("/password-reset"));
        var sent = browser.post(canopy.hub("/password-reset"), "email", email);
        assertThat(sent.status()).isEqualTo(200);
        String body = jdbc.sql("select body from directory.hub_mail where recipient = ? order by id desc limit 1")
                .param(email)
                .query(String.class)
                .single();
        String link = Mailbox.link(body, "/password-reset/");
        assertThat(link).startsWith(canopy.hub("/password-reset/"));
        return link;
    }

    private int signIn(String email, String password) throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/sign-in"));
            return browser.post(canopy.hub("/sign-in"), "email", email, "password", password)
                    .status();
        }
    }

    private int mailCount() {
        return jdbc.sql("select count(*) from directory.hub_mail")
                .query(Integer.class)
                .single();
    }

    private static String notice(HttpBrowser.Response page) {
        var matcher = java.util.regex.Pattern.compile("<p class=\"notice\">([^<]*)</p>")
                .matcher(page.body());
        return matcher.find() ? matcher.group(1) : null;
    }
}
