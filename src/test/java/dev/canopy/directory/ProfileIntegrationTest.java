package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CanopyTest
class ProfileIntegrationTest {

    private static final String NEW_PASSWORD = "a much longer new password";

    @LocalServerPort
    int port;

    @Test
    void newNameShowsInEveryPortal() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "ann@names.example.com", "Ann Founder");
            canopy.createPortal(browser, "Names One", "names-one");
            canopy.createPortal(browser, "Names Two", "names-two");

            browser.open(canopy.hub("/profile"));
            var changed = browser.submit(canopy.hub("/profile/name"), "name", "Ann Chairwoman");

            assertThat(changed.body()).contains("Your name is changed in every portal.");
            assertThat(browser.open(canopy.portal("names-one", "/members")).body())
                    .contains("Ann Chairwoman")
                    .doesNotContain("Ann Founder");
            assertThat(browser.open(canopy.portal("names-two", "/")).body())
                    .contains("Ann Chairwoman")
                    .doesNotContain("Ann Founder");
        }
    }

    @Test
    void refusesEmptyName() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "empty@names.example.com", "Eve Empty");
            browser.open(canopy.hub("/profile"));

            var response = browser.post(canopy.hub("/profile/name"), "name", "   ");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body()).contains("Enter your name.");
        }
    }

    @Test
    void emailChangesAtOnceWithoutSmtp() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser();
                HttpBrowser later = new HttpBrowser()) {
            canopy.register(browser, "old@mail.example.com", "Otto Old");
            browser.open(canopy.hub("/profile"));

            var changed = browser.submit(
                    canopy.hub("/profile/email"), "email", "New@Mail.example.com", "currentPassword", Canopy.PASSWORD);

            assertThat(changed.body()).contains("Your email is new@mail.example.com.");
            later.get(canopy.hub("/sign-in"));
            assertThat(later.post(canopy.hub("/sign-in"), "email", "old@mail.example.com", "password", Canopy.PASSWORD)
                            .status())
                    .isEqualTo(422);
            canopy.signIn(later, "new@mail.example.com");
        }
    }

    @Test
    void refusesEmailOfAnotherProfile() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser();
                HttpBrowser other = new HttpBrowser()) {
            canopy.register(other, "taken@mail.example.com", "Tara Taken");
            canopy.register(browser, "wants@mail.example.com", "Will Wants");
            browser.open(canopy.hub("/profile"));

            var response = browser.post(
                    canopy.hub("/profile/email"),
                    "email",
                    "taken@mail.example.com",
                    "currentPassword",
                    Canopy.PASSWORD);

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body()).contains("Another profile already uses this email.");
            assertThat(browser.open(canopy.hub("/profile")).body()).contains("Your email is wants@mail.example.com.");
        }
    }

    @Test
    void emailChangeNeedsCurrentPassword() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "careful@mail.example.com", "Carl Careful");
            browser.open(canopy.hub("/profile"));

            var response = browser.post(
                    canopy.hub("/profile/email"), "email", "else@mail.example.com", "currentPassword", "wrong guess!");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body()).contains("The current password is wrong.");
            assertThat(browser.open(canopy.hub("/profile")).body()).contains("Your email is careful@mail.example.com.");
        }
    }

    @Test
    void passwordChangeEndsOtherSessionsOnly() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser laptop = new HttpBrowser();
                HttpBrowser phone = new HttpBrowser()) {
            canopy.register(laptop, "pat@password.example.com", "Pat Password");
            canopy.createPortal(laptop, "Pat Works", "pat-works");
            canopy.signIn(phone, "pat@password.example.com");
            assertThat(phone.open(canopy.portal("pat-works", "/")).url()).isEqualTo(canopy.portal("pat-works", "/"));
            laptop.open(canopy.hub("/profile"));

            var wrong = laptop.post(
                    canopy.hub("/profile/password"), "currentPassword", "not my password", "newPassword", NEW_PASSWORD);
            var changed = laptop.submit(
                    canopy.hub("/profile/password"), "currentPassword", Canopy.PASSWORD, "newPassword", NEW_PASSWORD);

            assertThat(wrong.status()).isEqualTo(422);
            assertThat(wrong.body()).contains("The current password is wrong.");
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body()).contains("Your password is changed and your other sessions are ended.");
            assertThat(laptop.get(canopy.hub("/profile")).status()).isEqualTo(200);
            assertThat(phone.get(canopy.hub("/profile")).status()).isEqualTo(302);
            assertThat(phone.get(canopy.portal("pat-works", "/")).status()).isEqualTo(302);
            phone.get(canopy.hub("/sign-in"));
            assertThat(phone.post(canopy.hub("/sign-in"), "email", "pat@password.example.com", "password", NEW_PASSWORD)
                            .status())
                    .isEqualTo(302);
        }
    }

    @Test
    void refusesShortNewPassword() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "short@password.example.com", "Sam Short");
            browser.open(canopy.hub("/profile"));

            var response = browser.post(
                    canopy.hub("/profile/password"), "currentPassword", Canopy.PASSWORD, "newPassword", "short");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body()).contains("The password must have at least 10 characters.");
        }
    }
}
