package dev.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Malformed parameters, paths and form fields get a plain 4xx page, never a 500 or a stack trace. */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTest {

    @LocalServerPort
    int port;

    Canopy canopy;
    HttpBrowser member;

    @BeforeAll
    void createPortal() {
        canopy = new Canopy(port);
        member = new HttpBrowser();
        canopy.register(member, "bo@example.com", "Bo Member");
        canopy.createPortal(member, "Bo Corp", "bo-corp");
    }

    @AfterAll
    void closeBrowser() throws Exception {
        member.close();
    }

    @Test
    void malformedGetsAreClientErrors() throws Exception {
        List<String> hubPaths = List.of(
                "/sign-in?next=%00",
                "/sign-in?next=%ff%fe",
                "/verify?token=%00",
                "/verify?token=%C0%AF",
                "/verify?token=" + "a".repeat(5000),
                "/password-reset/%00",
                "/password-reset/..%2F..%2Fetc",
                "/password-reset/a%2Fb",
                "/password-reset/" + "a".repeat(3000),
                "/sso/authorize",
                "/sso/authorize?portal=%00&state=%00",
                "/sso/authorize?portal=bo-corp.localhost&state=short",
                "/sso/authorize?portal=bo-corp.localhost&state=%00" + "a".repeat(40),
                "/?x=%00",
                "/a%2F..%2Fb",
                "/a/../../b",
                "/portals/new;jsessionid=x",
                "//portals/new",
                "/%2e%2e/",
                "/nothing");
        List<String> portalPaths = List.of(
                "/sso/callback",
                "/sso/callback?code=%00&state=%00",
                "/sso/callback?code=" + "a".repeat(43) + "&state=" + "b".repeat(43),
                "/members?x=%00",
                "/a%2F..%2Fb",
                "/nothing");
        try (HttpBrowser anonymous = new HttpBrowser()) {
            for (HttpBrowser browser : List.of(anonymous, member)) {
                for (String path : hubPaths) {
                    assertClientError(browser.get(canopy.hub(path)));
                }
                for (String path : portalPaths) {
                    assertClientError(browser.get(canopy.portal("bo-corp", path)));
                }
            }
        }
    }

    @Test
    void malformedFormsAreClientErrors() throws Exception {
        try (HttpBrowser anonymous = new HttpBrowser()) {
            anonymous.get(canopy.hub("/register"));
            assertClientError(anonymous.post(
                    canopy.hub("/register"),
                    "email",
                    "nul@example.com",
                    "password",
                    "pass\u0000word\u0000x",
                    "name",
                    "Nul"));
            anonymous.get(canopy.hub("/sign-in"));
            assertClientError(anonymous.post(
                    canopy.hub("/sign-in"), "email", "bo@example.com", "password", "\u0000\u0000", "next", "\u0000"));
            anonymous.get(canopy.hub("/password-reset"));
            assertClientError(anonymous.post(canopy.hub("/password-reset"), "email", "\u0000@x.y"));
            assertClientError(anonymous.post(canopy.hub("/password-reset/" + "a".repeat(43)), "password", "x"));
            assertClientError(anonymous.post(canopy.hub("/register"), "email", "a@b.c", "email", "d@e.f"));
        }
        member.get(canopy.portal("bo-corp", "/"));
        assertClientError(member.post(canopy.portal("bo-corp", "/sign-out?x=%ff")));
        assertThat(member.get(canopy.portal("bo-corp", "/")).status())
                .as("still signed in")
                .isEqualTo(200);
        member.get(canopy.hub("/portals/new"));
        assertClientError(member.post(canopy.hub("/portals?x=%ff"), "title", "Nul", "name", "nul-co"));
        assertClientError(member.post(canopy.hub("/portals"), "title", "\u0000", "name", "nul-co", "zone", "default"));
        assertClientError(member.post(canopy.hub("/portals"), "title", "Nul", "name", "\u0000", "zone", "default"));
        assertClientError(member.post(canopy.hub("/portals"), "title", "Nul", "name", "nul-co", "zone", "\u0000"));
        assertClientError(member.post(canopy.hub("/portals"), "title", "Nul", "name", "nul-co"));
    }

    private static void assertClientError(HttpBrowser.Response response) {
        assertThat(response.status()).as(response.url()).isLessThan(500);
        assertThat(response.body())
                .as(response.url())
                .doesNotContain("Exception")
                .doesNotContain("at dev.canopy")
                .doesNotContain("SQL");
    }
}
