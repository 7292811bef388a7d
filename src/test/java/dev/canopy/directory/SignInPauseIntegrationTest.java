package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in at the hub: the message for wrong credentials and the pause after repeated failures. */
@CanopyTest
class SignInPauseIntegrationTest {

    static final String WRONG = "The email or password is wrong.";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Canopy canopy;

    @BeforeEach
    void setUp() {
        canopy = new Canopy(port);
    }

    @Test
    void pausesEmailAfterFiveFailures() throws Exception {
        register("pat@example.com");
        try (HttpBrowser browser = new HttpBrowser()) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                var failed = signIn(browser, "pat@example.com", "wrong password " + attempt);
                assertThat(failed.status()).as("attempt %d", attempt).isEqualTo(422);
                assertThat(Canopy.formError(failed)).as("attempt %d", attempt).isEqualTo(WRONG);
            }

            var paused = signIn(browser, "pat@example.com", Canopy.PASSWORD);
            assertThat(paused.status()).isEqualTo(422);
            assertThat(Canopy.formError(paused))
                    .isEqualTo("Too many failed sign-ins for this email. Try again in 15 minutes, or reset your"
                            + " password.");
            assertThat(browser.get(canopy.hub("/")).body()).doesNotContain("Pat Person");

            clock.advance(Duration.ofMinutes(14));
            var stillPaused = signIn(browser, "pat@example.com", Canopy.PASSWORD);
            assertThat(stillPaused.status()).as("still paused after 14 minutes").isEqualTo(422);
            assertThat(Canopy.formError(stillPaused)).contains("Try again in 1 minute,");

            clock.advance(Duration.ofMinutes(1));
            var resumed = signIn(browser, "pat@example.com", Canopy.PASSWORD);
            assertThat(resumed.status()).isEqualTo(302);
            assertThat(browser.get(canopy.hub("/")).body()).contains("Pat Person");
        }
    }

    @Test
    void pauseCountsFailuresOfOneEmailOnly() throws Exception {
        register("quin@example.com");
        register("quentin@example.com");
        try (HttpBrowser browser = new HttpBrowser()) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                signIn(browser, "quin@example.com", "wrong password " + attempt);
            }

            assertThat(signIn(browser, "QUIN@example.com", Canopy.PASSWORD).status())
                    .as("same email in other case")
                    .isEqualTo(422);
            assertThat(signIn(browser, "quentin@example.com", Canopy.PASSWORD).status())
                    .isEqualTo(302);
        }
    }

    @Test
    void wrongEmailAndWrongPasswordLookAlike() throws Exception {
        register("ray@example.com");
        try (HttpBrowser browser = new HttpBrowser()) {
            var wrongPassword = signIn(browser, "ray@example.com", "not the password");
            var wrongEmail = signIn(browser, "nobody-here@example.com", Canopy.PASSWORD);
            var controlCharacter = signIn(browser, "ray\u0007@example.com", Canopy.PASSWORD);

            assertThat(wrongPassword.status()).isEqualTo(422);
            assertThat(wrongEmail.status()).isEqualTo(422);
            assertThat(controlCharacter.status()).isEqualTo(422);
            assertThat(Canopy.formError(wrongPassword)).isEqualTo(WRONG);
            assertThat(Canopy.formError(wrongEmail)).isEqualTo(WRONG);
            assertThat(Canopy.formError(controlCharacter)).isEqualTo(WRONG);
        }
    }

    @Test
    void emptyFieldsAskForInput() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            var empty = signIn(browser, "", "");

            assertThat(empty.status()).isEqualTo(422);
            assertThat(Canopy.formError(empty)).isEqualTo("Enter your email and password.");
        }
    }

    private void register(String email) throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, email, email.startsWith("pat") ? "Pat Person" : "Someone Else");
        }
    }

    private HttpBrowser.Response signIn(HttpBrowser browser, String email, String password) {
        browser.get(canopy.hub("/sign-in"));
        return browser.post(canopy.hub("/sign-in"), "email", email, "password", password);
    }
}
