package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Session cookies are host-only, HttpOnly and SameSite=Lax, and sign-in always starts a new session. */
@CanopyTest
class SessionCookieIntegrationTest {

    static final String COOKIE = "CANOPY_SESSION";

    @LocalServerPort
    int port;

    Canopy canopy;

    @BeforeEach
    void setUp() {
        canopy = new Canopy(port);
    }

    @Test
    void hubCookieIsHostOnlyHttpOnlyLax() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            var form = browser.get(canopy.hub("/sign-in"));
            assertSafeCookie(form.headers().get("set-cookie"));

            var registered = browser.post(
                    canopy.hub("/register"), "email", "mia@example.com", "password", Canopy.PASSWORD, "name", "Mia");
            assertThat(registered.status()).isEqualTo(302);
            assertSafeCookie(registered.headers().get("set-cookie"));
        }
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/sign-in"));
            var signedIn =
                    browser.post(canopy.hub("/sign-in"), "email", "mia@example.com", "password", Canopy.PASSWORD);
            assertThat(signedIn.status()).isEqualTo(302);
            assertSafeCookie(signedIn.headers().get("set-cookie"));
        }
    }

    @Test
    void portalCookieIsHostOnlyHttpOnlyLax() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "noa@example.com", "Noa Cookie");
            canopy.createPortal(browser, "Noa Corp", "noa-corp");
        }
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.signIn(browser, "noa@example.com");

            var toHub = browser.get(canopy.portal("noa-corp", "/"));
            assertSafeCookie(toHub.headers().get("set-cookie"));
            var toPortal = browser.get(toHub.location());
            var callback = browser.get(toPortal.location());

            assertThat(callback.status()).isEqualTo(302);
            assertSafeCookie(callback.headers().get("set-cookie"));
        }
    }

    @Test
    void hubSignInStartsNewSession() throws Exception {
        try (HttpBrowser owner = new HttpBrowser()) {
            canopy.register(owner, "oda@example.com", "Oda Fixed");
        }
        try (HttpBrowser victim = new HttpBrowser();
                HttpBrowser attacker = new HttpBrowser()) {
            victim.get(canopy.hub("/sign-in"));
            String before = victim.cookie("localhost", COOKIE);
            assertThat(before).isNotNull();

            canopy.signIn(victim, "oda@example.com");
            String after = victim.cookie("localhost", COOKIE);

            assertThat(after).isNotNull().isNotEqualTo(before);
            assertThat(victim.get(canopy.hub("/")).body()).contains("Oda Fixed");
            var planted = attacker.get(canopy.hub("/"), Map.of("Cookie", COOKIE + "=" + before));
            assertThat(planted.body()).doesNotContain("Oda Fixed");
        }
    }

    @Test
    void portalSignInStartsNewSession() throws Exception {
        try (HttpBrowser owner = new HttpBrowser()) {
            canopy.register(owner, "pam@example.com", "Pam Fixed");
            canopy.createPortal(owner, "Pam Corp", "pam-corp");
        }
        try (HttpBrowser victim = new HttpBrowser();
                HttpBrowser attacker = new HttpBrowser()) {
            canopy.signIn(victim, "pam@example.com");
            var toHub = victim.get(canopy.portal("pam-corp", "/"));
            String before = victim.cookie("pam-corp.localhost", COOKIE);
            assertThat(before).isNotNull();

            victim.get(victim.get(toHub.location()).location());
            String after = victim.cookie("pam-corp.localhost", COOKIE);

            assertThat(after).isNotNull().isNotEqualTo(before);
            assertThat(victim.get(canopy.portal("pam-corp", "/")).status()).isEqualTo(200);
            var planted = attacker.get(canopy.portal("pam-corp", "/"), Map.of("Cookie", COOKIE + "=" + before));
            assertThat(planted.status()).isEqualTo(302);
            assertThat(planted.body()).doesNotContain("Pam Corp");
        }
    }

    private static void assertSafeCookie(String setCookie) {
        assertThat(setCookie).as("Set-Cookie").isNotNull().startsWith(COOKIE + "=");
        assertThat(setCookie).as("HttpOnly in %s", setCookie).containsIgnoringCase("; HttpOnly");
        assertThat(setCookie).as("SameSite in %s", setCookie).containsIgnoringCase("; SameSite=Lax");
        assertThat(setCookie).as("no Domain in %s", setCookie).doesNotContainIgnoringCase("Domain=");
        assertThat(setCookie).as("Path in %s", setCookie).contains("; Path=/");
    }
}
