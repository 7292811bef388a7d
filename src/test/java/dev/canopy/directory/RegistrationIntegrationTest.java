package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registration on an install without SMTP: input checks, the operator, and how passwords are stored. */
@CanopyTest
@ExtendWith(OutputCaptureExtension.class)
class RegistrationIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Canopy canopy;

    @BeforeEach
    void setUp() {
        canopy = new Canopy(port);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty email         | ''                         | correct horse battery | Ann   | email    | Enter your email.
            blank email         | '   '                      | correct horse battery | Ann   | email    | Enter your email.
            malformed email     | ann.example.com            | correct horse battery | Ann   | email    | This is not a valid email address.
            email without dot   | ann@example                | correct horse battery | Ann   | email    | This is not a valid email address.
            two at signs        | ann@@example.com           | correct horse battery | Ann   | email    | This is not a valid email address.
            email with space    | ann smith@example.com      | correct horse battery | Ann   | email    | This is not a valid email address.
            empty password      | ann@example.com            | ''                    | Ann   | password | The password must have at least 10 characters.
            short password      | ann@example.com            | short                 | Ann   | password | The password must have at least 10 characters.
            empty name          | ann@example.com            | correct horse battery | ''    | name     | Enter your name.
            blank name          | ann@example.com            | correct horse battery | '  '  | name     | Enter your name.
            """)
    void refusesBadInputNextToField(
            String description, String email, String password, String name, String field, String message) {
        assertRefused(email, password, name, field, message);
    }

    @Test
    void refusesTooLongInput() {
        String longLocalPart = "a".repeat(65) + "@example.com";
        String longDomain = "ann@" + "d".repeat(250) + ".com";

        assertRefused(longLocalPart, Canopy.PASSWORD, "Ann", "email", "This is not a valid email address.");
        assertRefused(longDomain, Canopy.PASSWORD, "Ann", "email", "This is not a valid email address.");
        assertRefused(
                "ann@example.com", "p".repeat(201), "Ann", "password", "The password can have at most 200 characters.");
        assertRefused(
                "ann@example.com",
                Canopy.PASSWORD,
                "A".repeat(101),
                "name",
                "The name can have at most 100 characters and no control characters.");
    }

    @Test
    void refusesControlCharacters() {
        String nameMessage = "The name can have at most 100 characters and no control characters.";
        String emailMessage = "This is not a valid email address.";

        assertRefused("ann@example.com", Canopy.PASSWORD, "Ann\u0007Bell", "name", nameMessage);
        assertRefused("ann@example.com", Canopy.PASSWORD, "Ann\u202EeciffO daeH", "name", nameMessage);
        assertRefused("ann@example.com", Canopy.PASSWORD, "Ann\u200BAdmin", "name", nameMessage);
        assertRejectedAsBadRequest("ann@example.com", "Ann\u0000");
        assertRejectedAsBadRequest("ann\u0000@example.com", "Ann");
        assertRefused("ann\u0007@example.com", Canopy.PASSWORD, "Ann", "email", emailMessage);
        assertRefused("ann@exam\u007fple.com", Canopy.PASSWORD, "Ann", "email", emailMessage);
    }

    @Test
    void refusesDuplicateEmailWhateverItsCase() throws Exception {
        try (HttpBrowser first = new HttpBrowser()) {
            canopy.register(first, "dora@example.com", "Dora First");
        }

        assertRefused(
                " Dora@Example.COM ",
                Canopy.PASSWORD,
                "Dora Second",
                "email",
                "A profile with this email already exists. Sign in, or reset your password.");
        assertThat(jdbc.sql("select name from directory.persons where email = 'dora@example.com'")
                        .query(String.class)
                        .list())
                .containsExactly("Dora First");
    }

    @Test
    void hubShowsNoSmtpBanner() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            var welcome = browser.get(canopy.hub("/"));
            assertThat(welcome.body()).contains("cannot verify email addresses");

            canopy.register(browser, "eve@example.com", "Eve Unchecked");
            var hub = browser.get(canopy.hub("/"));

            assertThat(hub.body()).contains("data-testid=\"no-smtp\"").contains("cannot verify email addresses");
            assertThat(hub.body()).doesNotContain("data-testid=\"unverified\"");
            var created = canopy.createPortal(browser, "Eve Works", "eve-works");
            assertThat(created.status()).isEqualTo(200);
        }
    }

    @Test
    void startUpLogSaysEmailsAreNotVerified(CapturedOutput output) {
        assertThat(output.getAll()).contains("No SMTP server is configured").contains("does not verify email");
    }

    @Test
    void escapesNamesInPages() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "xss@example.com", "<script>alert(1)</script>");

            var hub = browser.get(canopy.hub("/"));

            assertThat(hub.body()).doesNotContain("<script>alert(1)</script>");
            assertThat(hub.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void storesPasswordsWithArgon2() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "gil@example.com", "Gil Hash");
        }

        String hash = jdbc.sql("select password_hash from directory.persons where email = 'gil@example.com'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(hash).doesNotContain(Canopy.PASSWORD);
    }

    @Test
    void operatorReadsStoredHubMail() throws Exception {
        // This class's other tests may register first, so the test reads who holds the operator flag.
        try (HttpBrowser someone = new HttpBrowser()) {
            canopy.register(someone, "first-" + System.nanoTime() + "@example.com", "Someone Early");
        }
        String operatorEmail = jdbc.sql("select email from directory.persons where operator")
                .query(String.class)
                .single();
        assertThat(jdbc.sql("select email from directory.persons order by id limit 1")
                        .query(String.class)
                        .single())
                .as("the operator is the first person who registered")
                .isEqualTo(operatorEmail);

        try (HttpBrowser other = new HttpBrowser();
                HttpBrowser operator = new HttpBrowser()) {
            canopy.register(other, "hal@example.com", "Hal Other");
            other.get(canopy.hub("/password-reset"));
            other.post(canopy.hub("/password-reset"), "email", "hal@example.com");

            var refused = other.get(canopy.hub("/operator/mail"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("Only the operator").doesNotContain("Reset your Canopy password");

            canopy.signIn(operator, operatorEmail);
            var mail = operator.get(canopy.hub("/operator/mail"));
            assertThat(mail.status()).isEqualTo(200);
            assertThat(mail.body()).contains("Reset your Canopy password").contains("hal@example.com");
            assertThat(operator.get(canopy.hub("/")).body()).contains("href=\"/operator/mail\"");
        }
    }

    /** A NUL character cannot be stored in PostgreSQL text, so every request carrying one gets the 400 page. */
    private void assertRejectedAsBadRequest(String email, String name) {
        int personsBefore = countPersons();
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/register"));

            var response =
                    browser.post(canopy.hub("/register"), "email", email, "password", Canopy.PASSWORD, "name", name);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("Invalid request").doesNotContain("Exception");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(countPersons()).as("persons after refusal").isEqualTo(personsBefore);
    }

    private void assertRefused(String email, String password, String name, String field, String message) {
        int personsBefore = countPersons();
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/register"));

            var response = browser.post(canopy.hub("/register"), "email", email, "password", password, "name", name);

            assertThat(response.status()).as("status for %s", field).isEqualTo(422);
            assertThat(Canopy.fieldError(response, field))
                    .as("message next to %s", field)
                    .isEqualTo(message);
            assertThat(browser.get(canopy.hub("/")).body())
                    .as("still signed out")
                    .contains("href=\"/register\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(countPersons()).as("persons after refusal").isEqualTo(personsBefore);
    }

    private int countPersons() {
        return jdbc.sql("select count(*) from directory.persons")
                .query(Integer.class)
                .single();
    }
}
