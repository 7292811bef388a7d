package dev.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Parameters that no form sends: NUL characters, which PostgreSQL cannot store, and bytes that are not UTF-8. */
@CanopyTest
class BadParametersIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void rejectsNulInSignInEmail() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/sign-in"));

            var response =
                    browser.post(canopy.hub("/sign-in"), "email", "ann\u0000@example.com", "password", "whatever");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("Invalid request");
        }
    }

    @Test
    void rejectsNulInRegistrationName() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/register"));

            var response = browser.post(
                    canopy.hub("/register"),
                    "email",
                    "bea@example.com",
                    "password",
                    Canopy.PASSWORD,
                    "name",
                    "Bea\u0000 Nul");
            browser.get(canopy.hub("/sign-in"));
            var signIn = browser.post(canopy.hub("/sign-in"), "email", "bea@example.com", "password", Canopy.PASSWORD);

            assertThat(response.status()).isEqualTo(400);
            assertThat(signIn.status())
                    .as("sign-in of the refused registration")
                    .isEqualTo(422);
        }
    }

    @Test
    void rejectsNulInMemberSearch() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "cem@example.com", "Cem Admin");
            canopy.createPortal(browser, "Nul Search", "nul-search");

            var response = browser.get(canopy.portal("nul-search", "/members?q=cem%00"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("Invalid request");
        }
    }

    @Test
    void rejectsNulInAddedMemberEmail() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "dan@example.com", "Dan Admin");
            canopy.createPortal(browser, "Nul Add", "nul-add");
            browser.get(canopy.portal("nul-add", "/members/invite"));

            var response = browser.post(canopy.portal("nul-add", "/members/add"), "email", "eve\u0000@example.com");
            var members = browser.get(canopy.portal("nul-add", "/members?state=INVITED"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(members.body()).doesNotContain("eve");
        }
    }

    @Test
    void rejectsQueryThatIsNotUtf8() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            var response = browser.get(canopy.hub("/sign-in?next=%ED%B3%BF"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("Invalid request");
        }
    }
}
