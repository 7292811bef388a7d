package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.Mailbox;
import dev.canopy.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Email verification with a real SMTP server: the mailed link, what an unverified person can do, replacement. */
@CanopyTest
@ExtendWith(OutputCaptureExtension.class)
class EmailVerificationIntegrationTest {

    static final Mailbox mailbox = Mailbox.start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        mailbox.useAsSmtp(registry);
    }

    @AfterAll
    static void stopMailbox() {
        mailbox.stop();
    }

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
    void unverifiedPersonSignsInButCannotCreatePortal() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "una@example.com", "Una Waiting");
            assertThat(browser.get(canopy.hub("/")).body())
                    .contains("data-testid=\"unverified\"")
                    .contains("una@example.com");

            var form = browser.get(canopy.hub("/portals/new"));
            assertThat(form.body()).contains("Confirm your email with the link we sent");
            var refused = browser.post(canopy.hub("/portals"), "title", "Una Co", "name", "una-co", "zone", "default");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("Confirm your email with the link we sent");
            assertThat(portalCount("una-co")).isZero();
        }
        try (HttpBrowser later = new HttpBrowser()) {
            canopy.signIn(later, "una@example.com");
            assertThat(later.get(canopy.hub("/")).body()).contains("Una Waiting");
        }
    }

    @Test
    void verificationLinkWorksOnce() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "vic@example.com", "Vic Verified");
            String mail = mailbox.latestTo("vic@example.com");
            String link = Mailbox.link(mail, "/verify?token=");
            assertThat(link).startsWith(canopy.hub("/verify?token="));

            var first = browser.get(link);
            var second = browser.get(link);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).contains("Your email is confirmed");
            assertThat(second.status()).isEqualTo(400);
            assertThat(second.body()).contains("This link was already used");
            assertThat(browser.get(canopy.hub("/")).body()).doesNotContain("data-testid=\"unverified\"");
            assertThat(canopy.createPortal(browser, "Vic Co", "vic-co").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void resentLinkReplacesEarlierLink() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "res@example.com", "Res Again");
            String firstLink = Mailbox.link(mailbox.latestTo("res@example.com"), "/verify?token=");

            var hub = browser.get(canopy.hub("/"));
            assertThat(hub.body()).contains("action=\"/verify/resend\"");
            var resent = browser.post(canopy.hub("/verify/resend"));
            assertThat(resent.status()).isEqualTo(200);
            assertThat(mailbox.countTo("res@example.com")).isEqualTo(2);
            String secondLink = Mailbox.link(mailbox.latestTo("res@example.com"), "/verify?token=");

            assertThat(secondLink).isNotEqualTo(firstLink);
            assertThat(browser.get(firstLink).status()).isEqualTo(400);
            assertThat(verified("res@example.com")).isFalse();
            assertThat(browser.get(secondLink).body()).contains("Your email is confirmed");
            assertThat(verified("res@example.com")).isTrue();
        }
    }

    @Test
    void verificationLinkExpires() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "exa@example.com", "Exa Late");
            String link = Mailbox.link(mailbox.latestTo("exa@example.com"), "/verify?token=");

            clock.advance(Duration.ofHours(48).plusMinutes(1));
            var expired = browser.get(link);

            assertThat(expired.status()).isEqualTo(400);
            assertThat(expired.body()).contains("This link has expired");
            assertThat(verified("exa@example.com")).isFalse();
        }
    }

    @Test
    void garbageTokensAreInvalid() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            for (String token : new String[] {"", "garbage", "A".repeat(43), "%3Cscript%3E"}) {
                var response = browser.get(canopy.hub("/verify?token=" + token));

                assertThat(response.status()).as("token %s", token).isEqualTo(400);
                assertThat(response.body()).as("token %s", token).contains("This link is not valid");
            }
            var nulCharacters = browser.get(canopy.hub("/verify?token=%00%00"));
            assertThat(nulCharacters.status()).isEqualTo(400);
            assertThat(nulCharacters.body()).contains("Invalid request").doesNotContain("Exception");
        }
    }

    @Test
    void newRegistrationReplacesUnverifiedProfile() throws Exception {
        try (HttpBrowser old = new HttpBrowser();
                HttpBrowser replacing = new HttpBrowser()) {
            old.get(canopy.hub("/register"));
            old.post(
                    canopy.hub("/register"),
                    "email",
                    "rex@example.com",
                    "password",
                    "old password 1",
                    "name",
                    "Rex Old");
            String oldLink = Mailbox.link(mailbox.latestTo("rex@example.com"), "/verify?token=");
            assertThat(old.get(canopy.hub("/")).body()).contains("Rex Old");

            replacing.get(canopy.hub("/register"));
            var replaced = replacing.post(
                    canopy.hub("/register"),
                    "email",
                    "REX@example.com",
                    "password",
                    "new password 2",
                    "name",
                    "Rex New");

            assertThat(replaced.status()).isEqualTo(302);
            assertThat(old.get(canopy.hub("/")).body()).as("old session ended").doesNotContain("Rex Old");
            assertThat(signIn("rex@example.com", "old password 1")).isEqualTo(422);
            assertThat(signIn("rex@example.com", "new password 2")).isEqualTo(302);
            assertThat(old.get(oldLink).body()).doesNotContain("Your email is confirmed");
            assertThat(verified("rex@example.com")).isFalse();
            String newLink = Mailbox.link(mailbox.latestTo("rex@example.com"), "/verify?token=");
            assertThat(replacing.get(newLink).body()).contains("Your email is confirmed");
            assertThat(jdbc.sql("select name from directory.persons where email = 'rex@example.com'")
                            .query(String.class)
                            .list())
                    .containsExactly("Rex New");
        }
    }

    @Test
    void reRegistrationInSameBrowserWorks() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "sam@example.com", "Sam First");
            browser.get(canopy.hub("/register"));

            var again = browser.post(
                    canopy.hub("/register"),
                    "email",
                    "sam@example.com",
                    "password",
                    "another password",
                    "name",
                    "Sam Two");

            assertThat(again.status()).isEqualTo(302);
            assertThat(browser.get(canopy.hub("/")).body()).contains("Sam Two");
            assertThat(signIn("sam@example.com", "another password")).isEqualTo(302);
        }
    }

    @Test
    void verifiedEmailCannotRegisterAgain() throws Exception {
        try (HttpBrowser browser = new HttpBrowser();
                HttpBrowser intruder = new HttpBrowser()) {
            canopy.register(browser, "val@example.com", "Val Owner");
            browser.get(Mailbox.link(mailbox.latestTo("val@example.com"), "/verify?token="));

            intruder.get(canopy.hub("/register"));
            var refused = intruder.post(
                    canopy.hub("/register"),
                    "email",
                    "val@example.com",
                    "password",
                    "intruder password",
                    "name",
                    "Ivo");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(Canopy.fieldError(refused, "email")).contains("already exists");
            assertThat(signIn("val@example.com", Canopy.PASSWORD)).isEqualTo(302);
            assertThat(signIn("val@example.com", "intruder password")).isEqualTo(422);
        }
    }

    @Test
    void storesOnlyHashOfVerificationToken() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "hex@example.com", "Hex Hashed");
            String link = Mailbox.link(mailbox.latestTo("hex@example.com"), "/verify?token=");
            String token = link.substring(link.indexOf("token=") + "token=".length());

            int raw = jdbc.sql("""
                            select count(*) from directory.person_tokens
                            where token_hash = convert_to(?, 'UTF8') or position(convert_to(?, 'UTF8') in token_hash) > 0
                            """).params(token, token).query(Integer.class).single();
            int hashed = jdbc.sql("""
                            select count(*) from directory.person_tokens
                            where token_hash = sha256(convert_to(?, 'UTF8')) and purpose = 'VERIFY_EMAIL'
                            """).param(token).query(Integer.class).single();

            assertThat(raw).isZero();
            assertThat(hashed).isEqualTo(1);
        }
    }

    @Test
    void mailBodiesStayOutOfLog(CapturedOutput output) throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "liv@example.com", "Liv Logged");
            String verifyMail = mailbox.latestTo("liv@example.com");
            browser.get(canopy.hub("/password-reset"));
            browser.post(canopy.hub("/password-reset"), "email", "liv@example.com");
            String resetMail = mailbox.latestTo("liv@example.com");
            String verifyToken = Mailbox.link(verifyMail, "/verify?token=").replaceAll(".*token=", "");
            String resetToken = Mailbox.link(resetMail, "/password-reset/").replaceAll(".*/", "");

            assertThat(output.getAll()).as("the log is captured").contains("registered");
            assertThat(output.getAll()).doesNotContain(verifyToken);
            assertThat(output.getAll()).doesNotContain(resetToken);
            assertThat(output.getAll()).doesNotContain("confirm your email by opening this link");
            assertThat(output.getAll()).doesNotContain("choose a new password here");
        }
    }

    private int signIn(String email, String password) throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/sign-in"));
            return browser.post(canopy.hub("/sign-in"), "email", email, "password", password)
                    .status();
        }
    }

    private boolean verified(String email) {
        return jdbc.sql("select email_verified_at is not null from directory.persons where email = ?")
                .param(email)
                .query(Boolean.class)
                .single();
    }

    private int portalCount(String name) {
        return jdbc.sql("select count(*) from directory.portals where name = ?")
                .param(name)
                .query(Integer.class)
                .single();
    }
}
