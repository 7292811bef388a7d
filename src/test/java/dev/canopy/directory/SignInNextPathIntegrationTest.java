package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Where the hub sends a person after sign-in when the "next" path is unusual. */
@CanopyTest
class SignInNextPathIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void signInWithBracesInNextGoesHome() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "ann@example.com", "Ann Braces");
        }
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/sign-in"));

            var response = browser.post(
                    canopy.hub("/sign-in"),
                    "email",
                    "ann@example.com",
                    "password",
                    Canopy.PASSWORD,
                    "next",
                    "/{portal}");

            assertThat(response.status()).isEqualTo(302);
            assertThat(response.location()).isEqualTo(canopy.hub("/"));
        }
    }

    @Test
    void signedInPersonWithBracesInNextGoesHome() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "bea@example.com", "Bea Braces");

            var response = browser.get(canopy.hub("/sign-in?next=/%7Bportal%7D"));

            assertThat(response.status()).isEqualTo(302);
            assertThat(response.location()).isEqualTo(canopy.hub("/"));
        }
    }

    @Test
    void nextOnAnotherHostGoesHome() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "cem@example.com", "Cem Elsewhere");

            var response = browser.get(canopy.hub("/sign-in?next=//evil.example/"));

            assertThat(response.status()).isEqualTo(302);
            assertThat(response.location()).isEqualTo(canopy.hub("/"));
        }
    }
}
