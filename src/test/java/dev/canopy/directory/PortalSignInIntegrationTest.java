package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one-time code flow from the hub to portal hosts, access to a portal, and signing out everywhere. */
@CanopyTest
class PortalSignInIntegrationTest {

    private static final Pattern CALLBACK = Pattern.compile("/sso/callback\\?code=([^&]+)&state=(.+)$");
    private static final String SSO_FAILED = "Sign-in did not complete";

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
    void creatorArrivesSignedInOnNewPortal() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "ann@example.com", "Ann Founder");

            var portalHome = canopy.createPortal(browser, "Acme Corp", "acme");

            assertThat(portalHome.status()).isEqualTo(200);
            assertThat(portalHome.url()).isEqualTo(canopy.portal("acme", "/"));
            assertThat(portalHome.body()).contains("Acme Corp").contains("Ann Founder");
        }
    }

    @Test
    void signInCodeWorksOnce() throws Exception {
        founder("bea@example.com", "Bea Corp", "bea-corp");
        try (HttpBrowser browser = new HttpBrowser();
                HttpBrowser other = new HttpBrowser()) {
            canopy.signIn(browser, "bea@example.com");
            String callback = callbackFor(browser, "bea-corp");

            var first = browser.get(callback);
            assertThat(first.status()).isEqualTo(302);
            assertThat(first.location()).isEqualTo(canopy.portal("bea-corp", "/"));
            assertThat(browser.get(canopy.portal("bea-corp", "/")).body()).contains("Bea Corp");

            var replay = browser.get(callback);
            var replayElsewhere = other.get(callback);

            assertThat(replay.status()).isEqualTo(400);
            assertThat(replay.body()).contains(SSO_FAILED);
            assertThat(replayElsewhere.status()).isEqualTo(400);
            assertThat(other.get(canopy.portal("bea-corp", "/")).status())
                    .as("the other browser is not signed in")
                    .isEqualTo(302);
            assertThat(jdbc.sql("select count(*) from directory.sign_in_codes where used_at is null and person_id ="
                                    + " (select id from directory.persons where email = 'bea@example.com')")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void signInCodeExpires() throws Exception {
        founder("cal@example.com", "Cal Corp", "cal-corp");
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.signIn(browser, "cal@example.com");
            String callback = callbackFor(browser, "cal-corp");

            clock.advance(Duration.ofSeconds(61));
            var late = browser.get(callback);

            assertThat(late.status()).isEqualTo(400);
            assertThat(late.body()).contains(SSO_FAILED);
            assertThat(browser.get(canopy.portal("cal-corp", "/")).status()).isEqualTo(302);
        }
    }

    @Test
    void signInCodeIsBoundToItsPortal() throws Exception {
        try (HttpBrowser founder = new HttpBrowser();
                HttpBrowser browser = new HttpBrowser()) {
            canopy.register(founder, "dan@example.com", "Dan Two Portals");
            canopy.createPortal(founder, "Dan North", "dan-north");
            canopy.createPortal(founder, "Dan South", "dan-south");
            canopy.signIn(browser, "dan@example.com");

            // The state comes from dan-south's pre-login session, the code is asked for dan-north.
            var toHub = browser.get(canopy.portal("dan-south", "/"));
            String southState = query(toHub.location(), "state");
            var toNorth = browser.get(canopy.hub("/sso/authorize?portal="
                    + URLEncoder.encode("dan-north.localhost:" + port, StandardCharsets.UTF_8) + "&state="
                    + southState));
            assertThat(toNorth.location()).startsWith(canopy.portal("dan-north", "/sso/callback"));
            Matcher code = CALLBACK.matcher(toNorth.location());
            assertThat(code.find()).isTrue();

            var refused = browser.get(
                    canopy.portal("dan-south", "/sso/callback?code=" + code.group(1) + "&state=" + southState));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains(SSO_FAILED);
            assertThat(browser.get(canopy.portal("dan-south", "/")).status()).isEqualTo(302);
        }
    }

    @Test
    void signInCodeIsBoundToSessionState() throws Exception {
        founder("eli@example.com", "Eli Corp", "eli-corp");
        try (HttpBrowser browser = new HttpBrowser();
                HttpBrowser withoutSession = new HttpBrowser();
                HttpBrowser withOwnState = new HttpBrowser()) {
            canopy.signIn(browser, "eli@example.com");
            String callback = callbackFor(browser, "eli-corp");
            String code = query(callback, "code");
            String ownState =
                    query(withOwnState.get(canopy.portal("eli-corp", "/")).location(), "state");

            var noSession = withoutSession.get(callback);
            var foreignState = withOwnState.get(callback);
            var swappedState =
                    withOwnState.get(canopy.portal("eli-corp", "/sso/callback?code=" + code + "&state=" + ownState));

            assertThat(noSession.status()).isEqualTo(400);
            assertThat(foreignState.status()).isEqualTo(400);
            assertThat(swappedState.status()).isEqualTo(400);
            assertThat(withoutSession.get(canopy.portal("eli-corp", "/")).status())
                    .isEqualTo(302);
            assertThat(withOwnState.get(canopy.portal("eli-corp", "/")).status())
                    .isEqualTo(302);
        }
    }

    @Test
    void storesOnlyHashOfSignInCode() throws Exception {
        founder("fay@example.com", "Fay Corp", "fay-corp");
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.signIn(browser, "fay@example.com");
            String code = query(callbackFor(browser, "fay-corp"), "code");

            int raw = jdbc.sql("""
                            select count(*) from directory.sign_in_codes
                            where code_hash = convert_to(?, 'UTF8') or position(convert_to(?, 'UTF8') in code_hash) > 0
                            """).params(code, code).query(Integer.class).single();
            int hashed = jdbc.sql(
                            "select count(*) from directory.sign_in_codes where code_hash = sha256(convert_to(?, 'UTF8'))")
                    .param(code)
                    .query(Integer.class)
                    .single();

            assertThat(raw).isZero();
            assertThat(hashed).isEqualTo(1);
        }
    }

    @Test
    void portalSessionRecordsItsPortal() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "gus@example.com", "Gus Recorded");
            canopy.createPortal(browser, "Gus Corp", "gus-corp");
            long portalId = jdbc.sql("select id from directory.portals where name = 'gus-corp'")
                    .query(Long.class)
                    .single();

            Object portalOfSession = sessionAttribute(browser.cookie("gus-corp.localhost", "CANOPY_SESSION"));
            Object portalOfHubSession = sessionAttribute(browser.cookie("localhost", "CANOPY_SESSION"));

            assertThat(portalOfSession).isEqualTo(portalId);
            assertThat(portalOfHubSession).isNull();
        }
    }

    @Test
    void portalSessionIsRefusedOnOtherPortal() throws Exception {
        try (HttpBrowser browser = new HttpBrowser();
                HttpBrowser thief = new HttpBrowser()) {
            canopy.register(browser, "lou@example.com", "Lou Two Portals");
            canopy.createPortal(browser, "Lou North", "lou-north");
            canopy.createPortal(browser, "Lou South", "lou-south");
            String northSession = browser.cookie("lou-north.localhost", "CANOPY_SESSION");

            var south = thief.get(canopy.portal("lou-south", "/"), Map.of("Cookie", "CANOPY_SESSION=" + northSession));

            assertThat(south.status()).isEqualTo(302);
            assertThat(south.body()).doesNotContain("Lou South");
            assertThat(browser.get(canopy.portal("lou-south", "/")).status())
                    .as("the person's own session on the other portal")
                    .isEqualTo(200);
        }
    }

    @Test
    void nonMemberSeesNothingOfPortal() throws Exception {
        founder("hugo@example.com", "Hugo Secret Works", "hugo-works");
        try (HttpBrowser stranger = new HttpBrowser()) {
            canopy.register(stranger, "ivy@example.com", "Ivy Stranger");

            var home = stranger.open(canopy.portal("hugo-works", "/"));
            var members = stranger.get(canopy.portal("hugo-works", "/members"));

            assertThat(home.status()).isEqualTo(403);
            assertThat(home.body()).doesNotContain("Hugo Secret Works").doesNotContain("hugo@example.com");
            assertThat(members.status()).isEqualTo(403);
            assertThat(members.body()).doesNotContain("Hugo Secret Works").doesNotContain("hugo@example.com");
        }
    }

    @Test
    void nonMemberGetsStylesheetOfRefusalPage() throws Exception {
        founder("kim@example.com", "Kim Styled Works", "kim-works");
        try (HttpBrowser stranger = new HttpBrowser()) {
            canopy.register(stranger, "lea@example.com", "Lea Stranger");
            var refusal = stranger.open(canopy.portal("kim-works", "/"));

            var stylesheet = stranger.get(canopy.portal("kim-works", "/css/canopy.css"));
            var script = stranger.get(canopy.portal("kim-works", "/js/canopy.js"));

            assertThat(refusal.status()).isEqualTo(403);
            assertThat(refusal.body()).contains("/css/canopy.css");
            assertThat(stylesheet.status()).isEqualTo(200);
            assertThat(stylesheet.body()).contains(".topbar");
            assertThat(script.status()).isEqualTo(200);
        }
    }

    @Test
    void unknownPortalAddressIsNotFound() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            for (String url : List.of(
                    canopy.portal("nowhere", "/"),
                    canopy.portal("nowhere", "/members"),
                    canopy.portal("nowhere", "eu.localhost", "/"),
                    canopy.portal("a", "/"))) {
                var response = browser.get(url);

                assertThat(response.status()).as(url).isEqualTo(404);
                assertThat(response.location()).as(url).isNull();
            }
        }
    }

    @Test
    void otherZoneBareDomainRedirectsToHub() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            for (String path : List.of("/", "/sign-in", "/members")) {
                var response = browser.get("http://eu.localhost:" + port + path);

                assertThat(response.status()).as(path).isEqualTo(302);
                assertThat(response.location()).as(path).isEqualTo(canopy.hub("/"));
            }
        }
    }

    @Test
    void pagesOfOtherSiteAreNotFoundBeforeSignIn() throws Exception {
        founder("max@example.com", "Max Corp", "max-corp");
        try (HttpBrowser anonymous = new HttpBrowser()) {
            for (String url : List.of(
                    canopy.hub("/members"),
                    canopy.hub("/nothing"),
                    canopy.portal("max-corp", "/register"),
                    canopy.portal("max-corp", "/portals/new"),
                    canopy.portal("max-corp", "/operator/mail"),
                    canopy.portal("max-corp", "/nothing"))) {
                var response = anonymous.get(url);

                assertThat(response.status()).as(url).isEqualTo(404);
                assertThat(response.location()).as(url).isNull();
            }
            assertThat(anonymous.get(canopy.hub("/portals/new")).status())
                    .as("a hub page that needs sign-in")
                    .isEqualTo(302);
            assertThat(anonymous.get(canopy.portal("max-corp", "/members")).status())
                    .as("a portal page that needs sign-in")
                    .isEqualTo(302);
        }
    }

    @Test
    void pagesOfOtherSiteAreNotFound() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "jo@example.com", "Jo Wanderer");
            canopy.createPortal(browser, "Jo Corp", "jo-corp");

            var membersOnHub = browser.get(canopy.hub("/members"));
            assertThat(membersOnHub.status()).isEqualTo(404);

            for (String path : List.of(
                    "/register",
                    "/sign-in",
                    "/portals/new",
                    "/operator/mail",
                    "/password-reset",
                    "/verify?token=x",
                    "/sso/authorize?portal=jo-corp.localhost&state=" + "s".repeat(43))) {
                var response = browser.get(canopy.portal("jo-corp", path));

                assertThat(response.status()).as(path).isEqualTo(404);
            }
            browser.get(canopy.portal("jo-corp", "/"));
            var creation = browser.post(
                    canopy.portal("jo-corp", "/portals"), "title", "Sneaky", "name", "sneaky", "zone", "default");
            assertThat(creation.status()).isEqualTo(404);
            assertThat(jdbc.sql("select count(*) from directory.portals where name = 'sneaky'")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void hostWrittenOtherwiseLeadsToCanonicalAddressAndSignsIn() throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, "dot@example.com", "Dot Trailing");
            canopy.createPortal(browser, "Dot Corp", "dot-corp");

            var trailingDot = browser.get("http://dot-corp.localhost.:" + port + "/members?q=x");
            var upperCase = browser.get("http://DOT-CORP.localhost:" + port + "/");
            var post = browser.post("http://dot-corp.localhost.:" + port + "/sign-out");
            var arrived = browser.open("http://dot-corp.localhost.:" + port + "/");

            assertThat(trailingDot.status()).isEqualTo(302);
            assertThat(trailingDot.location()).isEqualTo(canopy.portal("dot-corp", "/members?q=x"));
            assertThat(upperCase.location()).isEqualTo(canopy.portal("dot-corp", "/"));
            assertThat(post.status()).isEqualTo(404);
            assertThat(arrived.status()).isEqualTo(200);
            assertThat(arrived.url()).isEqualTo(canopy.portal("dot-corp", "/"));
            assertThat(arrived.body()).contains("Dot Corp").contains("Dot Trailing");
        }
    }

    @Test
    void signOutAtPortalEndsEverySession() throws Exception {
        try (HttpBrowser browser = new HttpBrowser();
                HttpBrowser other = new HttpBrowser()) {
            canopy.register(browser, "kai@example.com", "Kai Leaving");
            canopy.createPortal(browser, "Kai North", "kai-north");
            canopy.createPortal(browser, "Kai South", "kai-south");
            canopy.signIn(other, "kai@example.com");
            assertThat(other.open(canopy.portal("kai-north", "/")).status()).isEqualTo(200);

            var home = browser.get(canopy.portal("kai-north", "/"));
            assertThat(home.body()).contains("action=\"/sign-out\"");
            var signedOut = browser.post(canopy.portal("kai-north", "/sign-out"));

            assertThat(signedOut.status()).isEqualTo(302);
            assertThat(signedOut.location()).isEqualTo(canopy.hub("/"));
            assertThat(browser.get(canopy.hub("/")).body()).as("hub").doesNotContain("Kai Leaving");
            assertThat(browser.get(canopy.portal("kai-north", "/")).status())
                    .as("this portal")
                    .isEqualTo(302);
            assertThat(browser.get(canopy.portal("kai-south", "/")).status())
                    .as("another portal")
                    .isEqualTo(302);
            assertThat(other.get(canopy.hub("/")).body())
                    .as("other browser's hub")
                    .doesNotContain("Kai Leaving");
            assertThat(other.get(canopy.portal("kai-north", "/")).status())
                    .as("other browser's portal")
                    .isEqualTo(302);
            assertThat(jdbc.sql("select count(*) from directory.spring_session where principal_name ="
                                    + " (select id::text from directory.persons where email = 'kai@example.com')")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    private void founder(String email, String title, String name) throws Exception {
        try (HttpBrowser browser = new HttpBrowser()) {
            canopy.register(browser, email, title + " Founder");
            canopy.createPortal(browser, title, name);
        }
    }

    /** Follows a portal's redirect to the hub and the hub's redirect back, and returns the callback URL unopened. */
    private String callbackFor(HttpBrowser browser, String portalName) {
        var toHub = browser.get(canopy.portal(portalName, "/"));
        assertThat(toHub.location()).startsWith(canopy.hub("/sso/authorize?portal="));
        var toPortal = browser.get(toHub.location());
        assertThat(toPortal.location()).startsWith(canopy.portal(portalName, "/sso/callback?code="));
        return toPortal.location();
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("No " + name + " in " + url);
    }

    private Object sessionAttribute(String cookieValue) throws Exception {
        assertThat(cookieValue).isNotNull();
        String sessionId = new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
        var bytes = jdbc.sql("""
                        select a.attribute_bytes from directory.spring_session s
                        join directory.spring_session_attributes a on a.session_primary_id = s.primary_id
                        where s.session_id = ? and a.attribute_name = ?
                        """)
                .params(sessionId, Sessions.PORTAL_ATTRIBUTE)
                .query(byte[].class)
                .optional();
        if (bytes.isEmpty()) {
            return null;
        }
        try (var input = new ObjectInputStream(new ByteArrayInputStream(bytes.get()))) {
            return input.readObject();
        }
    }
}
