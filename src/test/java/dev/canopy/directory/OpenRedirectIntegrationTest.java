package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The hub redirects only to itself or to a portal it serves, and never builds a link from the Host header. */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenRedirectIntegrationTest {

    @LocalServerPort
    int port;

    Canopy canopy;

    @BeforeAll
    void createPortal() throws Exception {
        canopy = new Canopy(port);
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "ada@example.com", "Ada Owner");
            canopy.createPortal(browser, "Acme Corp", "acme");
        }
    }

    List<String> foreignTargets() {
        return List.of(
                "http://evil.example",
                "https://evil.example/path",
                "//evil.example",
                "///evil.example",
                "/\\evil.example",
                "\\\\evil.example",
                "/\t/evil.example",
                " //evil.example",
                "https:evil",
                "https:/evil.example",
                "evil.example",
                "javascript:alert(1)",
                "http://localhost.evil.example:" + port + "/",
                "http://acme.localhost.evil/",
                "http://localhost:" + port + "@evil.example/",
                "http://acme.localhost:" + port + "/",
                "http://acme.eu.localhost:" + port + "/",
                "http://eu.localhost:" + port + "/");
    }

    @Test
    void signInFormKeepsOnlyLocalNext() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            for (String target : foreignTargets()) {
                var form = browser.get(canopy.hub("/sign-in?next=" + encode(target)));

                assertThat(form.status()).as(target).isEqualTo(200);
                assertThat(hiddenNext(form.body())).as(target).isEqualTo("/");
            }
        }
    }

    @Test
    void signInNeverRedirectsOffHub() throws Exception {
        for (String target : foreignTargets()) {
            try (HttpBrowser browser = new HttpBrowser()) {
                browser.get(canopy.hub("/sign-in"));

                var signedIn = browser.post(
                        canopy.hub("/sign-in"),
                        "email",
                        "ada@example.com",
                        "password",
                        Canopy.PASSWORD,
                        "next",
                        target);
                var again = browser.get(canopy.hub("/sign-in?next=" + encode(target)));

                assertThat(signedIn.status()).as(target).isEqualTo(302);
                assertStaysOnHub(signedIn.location(), target);
                assertThat(again.status()).as(target).isEqualTo(302);
                assertStaysOnHub(again.location(), target);
            }
        }
    }

    @Test
    void signInKeepsLocalNext() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/sign-in?next=%2Fportals%2Fnew"));

            var signedIn = browser.post(
                    canopy.hub("/sign-in"),
                    "email",
                    "ada@example.com",
                    "password",
                    Canopy.PASSWORD,
                    "next",
                    "/portals/new");

            assertThat(signedIn.location()).isEqualTo(canopy.hub("/portals/new"));
        }
    }

    @Test
    void templateCharactersInNextDoNotFail() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            browser.get(canopy.hub("/sign-in"));

            var signedIn = browser.post(
                    canopy.hub("/sign-in"), "email", "ada@example.com", "password", Canopy.PASSWORD, "next", "/{evil}");
            var again = browser.get(canopy.hub("/sign-in?next=" + encode("/{evil}")));

            assertThat(signedIn.status()).isEqualTo(302);
            assertThat(signedIn.location()).isEqualTo(canopy.hub("/%7Bevil%7D"));
            assertThat(again.status()).isEqualTo(302);
            assertThat(again.location()).isEqualTo(canopy.hub("/%7Bevil%7D"));
        }
    }

    @Test
    void authorizeSendsOnlyToServedPortals() throws Exception {
        List<String> portals = List.of(
                "evil.example",
                "localhost.evil.example",
                "acme.localhost.evil",
                "acme.localhost.evil.example",
                "acme.localhost@evil.example",
                "evil.example#acme.localhost",
                "evil.example/acme.localhost",
                "http://acme.localhost/",
                "acmelocalhost",
                "unknown.localhost",
                "acme.eu.localhost",
                "eu.localhost",
                "localhost",
                "",
                "acme.localhost:1@evil.example",
                "acme.localhost.");
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.signIn(browser, "ada@example.com");
            for (String portal : portals) {
                var response =
                        browser.get(canopy.hub("/sso/authorize?portal=" + encode(portal) + "&state=" + "s".repeat(43)));

                if (response.status() == 302) {
                    assertThat(response.location()).as(portal).startsWith(canopy.portal("acme", "/sso/callback?code="));
                } else {
                    assertThat(response.status()).as(portal).isEqualTo(404);
                    assertThat(response.location()).as(portal).isNull();
                }
            }
            var served = browser.get(canopy.hub(
                    "/sso/authorize?portal=" + encode("acme.localhost:" + port) + "&state=" + "s".repeat(43)));
            assertThat(served.location()).startsWith(canopy.portal("acme", "/sso/callback?code="));
        }
    }

    @Test
    void forgedHostHeaderIsNotServed() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            for (String host : List.of(
                    "evil.example",
                    "evil.example:" + port,
                    "localhost.evil.example",
                    "acme.localhost.evil.example:" + port,
                    "acme.localhost.evil")) {
                for (String path : List.of("/", "/sign-in", "/portals/new", "/sso/authorize?portal=acme.localhost")) {
                    var response = browser.get(canopy.hub(path), Map.of("Host", host));

                    assertThat(response.status()).as("%s%s", host, path).isEqualTo(404);
                    assertThat(response.location()).as("%s%s", host, path).isNull();
                    assertThat(response.body()).as("%s%s", host, path).doesNotContain("evil");
                }
            }
        }
    }

    @Test
    void servedHostWithOtherPortGetsConfiguredLinks() throws Exception {
        String forged = "localhost:" + (port + 1);
        try (HttpBrowser browser = new HttpBrowser()) {
            var toSignIn = browser.get(canopy.hub("/portals/new"), Map.of("Host", forged));
            browser.get(canopy.hub("/sign-in"), Map.of("Host", forged));
            var signedIn = browser.post(
                    canopy.hub("/sign-in"),
                    Map.of("Host", forged),
                    "email",
                    "ada@example.com",
                    "password",
                    Canopy.PASSWORD,
                    "next",
                    "/portals/new");
            var again = browser.get(canopy.hub("/sign-in?next=/portals/new"), Map.of("Host", forged));

            assertThat(toSignIn.location()).startsWith(canopy.hub("/sign-in"));
            assertThat(signedIn.location()).isEqualTo(canopy.hub("/portals/new"));
            assertThat(again.location()).isEqualTo(canopy.hub("/portals/new"));
        }
    }

    @Test
    void forwardedHostHeaderIsIgnoredInLinks() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            var toSignIn = browser.get(
                    canopy.hub("/portals/new"),
                    Map.of("X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example"));
            var toHub = browser.get(
                    canopy.portal("acme", "/"),
                    Map.of("X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example"));

            assertThat(toSignIn.location()).startsWith(canopy.hub("/sign-in"));
            assertThat(toHub.location()).startsWith(canopy.hub("/sso/authorize?portal="));
            assertThat(toHub.location()).doesNotContain("evil");
        }
    }

    private void assertStaysOnHub(String location, String target) {
        assertThat(location).as("Location for next=%s", target).isNotNull();
        boolean relative = location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\");
        boolean absoluteOnHub = location.startsWith(canopy.hub("/"));
        assertThat(relative || absoluteOnHub)
                .as("Location %s for next=%s stays on the hub", location, target)
                .isTrue();
        assertThat(location)
                .as("Location for next=%s", target)
                .doesNotContain("evil")
                .doesNotContain("\\");
    }

    private static String hiddenNext(String body) {
        var matcher = Pattern.compile("name=\"next\" value=\"([^\"]*)\"").matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
