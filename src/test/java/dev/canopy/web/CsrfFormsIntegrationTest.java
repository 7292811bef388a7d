package dev.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.Mailbox;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every form that posts carries a CSRF token, on every page a person can reach, and a post without one gets the
 * "form expired" page. Runs with SMTP so that the unverified person's forms are rendered too.
 */
@CanopyTest
class CsrfFormsIntegrationTest {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern POST = Pattern.compile("method=\"post\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");
    private static final Pattern LINK = Pattern.compile("href=\"([^\"#]+)\"");
    private static final String CSRF_FIELD = "type=\"hidden\" name=\"_csrf\" value=\"";
    private static final int MAX_PAGES_PER_CRAWL = 60;

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

    Canopy canopy;

    @BeforeEach
    void setUp() {
        canopy = new Canopy(port);
    }

    @Test
    void everyPostFormCarriesCsrfToken() throws Exception {
        Set<String> formsSeen = new LinkedHashSet<>();
        try (HttpBrowser owner = new HttpBrowser();
                HttpBrowser unverified = new HttpBrowser();
                HttpBrowser stranger = new HttpBrowser();
                HttpBrowser anonymous = new HttpBrowser()) {
            canopy.register(owner, "owen@example.com", "Owen Owner");
            owner.get(Mailbox.link(mailbox.latestTo("owen@example.com"), "/verify?token="));
            canopy.createPortal(owner, "Owen Corp", "owen-corp");
            canopy.register(unverified, "uma@example.com", "Uma Unverified");
            canopy.register(stranger, "sid@example.com", "Sid Stranger");
            stranger.get(Mailbox.link(mailbox.latestTo("sid@example.com"), "/verify?token="));
            anonymous.get(canopy.hub("/password-reset"));
            anonymous.post(canopy.hub("/password-reset"), "email", "owen@example.com");
            String resetLink = Mailbox.link(mailbox.latestTo("owen@example.com"), "/password-reset/");

            crawl(anonymous, formsSeen, canopy.hub("/"), resetLink, canopy.hub("/verify?token=bad"));
            crawl(anonymous, formsSeen, canopy.hub("/nothing"), canopy.portal("nowhere", "/"));
            crawl(owner, formsSeen, canopy.hub("/"), canopy.portal("owen-corp", "/"));
            crawl(owner, formsSeen, canopy.portal("owen-corp", "/nothing"), canopy.hub("/nothing"));
            crawl(unverified, formsSeen, canopy.hub("/"), canopy.hub("/portals/new"), canopy.hub("/operator/mail"));
            crawl(stranger, formsSeen, canopy.hub("/"), canopy.portal("owen-corp", "/"));
            checkForms(reShown(anonymous, "/register", "email", "bad"), formsSeen);
            checkForms(reShown(anonymous, "/sign-in", "email", "bad"), formsSeen);
            checkForms(reShown(anonymous, "/password-reset", "email", "bad"), formsSeen);
            checkForms(reShown(owner, "/portals", "name", "Bad_Name"), formsSeen);
        }

        assertThat(formsSeen)
                .as("the crawl reached the forms it should check")
                .contains("/register", "/sign-in", "/password-reset", "/portals", "/sign-out", "/verify/resend")
                .anyMatch(action -> action.startsWith("/password-reset/"));
    }

    @Test
    void postWithoutTokenGetsFormExpiredPage() throws Exception {
        try (HttpBrowser owner = new HttpBrowser();
                HttpBrowser forger = new HttpBrowser()) {
            canopy.register(owner, "fred@example.com", "Fred Forged");

            var signIn = forger.postWithoutCsrf(
                    canopy.hub("/sign-in"), "email", "fred@example.com", "password", Canopy.PASSWORD);
            var resend = owner.postWithoutCsrf(canopy.hub("/verify/resend"));
            var signOut = owner.postWithoutCsrf(canopy.hub("/sign-out"));
            var wrongToken = owner.postWithoutCsrf(canopy.hub("/sign-out"), "_csrf", "not-the-token");

            for (var response : List.of(signIn, resend, signOut, wrongToken)) {
                assertThat(response.status()).as(response.url()).isEqualTo(403);
                assertThat(response.body())
                        .as(response.url())
                        .contains("The form expired")
                        .doesNotContain("Exception");
            }
            assertThat(forger.get(canopy.hub("/")).body()).doesNotContain("Fred Forged");
            assertThat(owner.get(canopy.hub("/")).body()).as("still signed in").contains("Fred Forged");
            assertThat(mailbox.countTo("fred@example.com"))
                    .as("no second verification mail")
                    .isEqualTo(1);
        }
    }

    @Test
    void portalPostWithoutTokenGetsFormExpiredPage() throws Exception {
        try (HttpBrowser owner = new HttpBrowser()) {
            canopy.register(owner, "gina@example.com", "Gina Portal");
            owner.get(Mailbox.link(mailbox.latestTo("gina@example.com"), "/verify?token="));
            canopy.createPortal(owner, "Gina Corp", "gina-corp");

            var signOut = owner.postWithoutCsrf(canopy.portal("gina-corp", "/sign-out"));

            assertThat(signOut.status()).isEqualTo(403);
            assertThat(signOut.body()).contains("The form expired").doesNotContain("Exception");
            assertThat(owner.get(canopy.portal("gina-corp", "/")).status())
                    .as("still signed in")
                    .isEqualTo(200);
        }
    }

    /** Reads the pages from the start URLs and every same-site page they link to, and checks their forms. */
    private void crawl(HttpBrowser browser, Set<String> formsSeen, String... startUrls) {
        Set<String> visited = new LinkedHashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(startUrls));
        while (!queue.isEmpty() && visited.size() < MAX_PAGES_PER_CRAWL) {
            String url = queue.poll();
            if (!visited.add(url)) {
                continue;
            }
            var page = browser.open(url);
            checkForms(page, formsSeen);
            Matcher links = LINK.matcher(page.body());
            while (links.find()) {
                String target = URI.create(page.url())
                        .resolve(links.group(1).replace("&amp;", "&"))
                        .toString();
                if (servedHere(target) && !target.contains("/webjars/") && !target.contains("/css/")) {
                    queue.add(target);
                }
            }
        }
    }

    private void checkForms(HttpBrowser.Response page, Set<String> formsSeen) {
        Matcher forms = FORM.matcher(page.body());
        while (forms.find()) {
            String attributes = forms.group(1);
            if (!POST.matcher(attributes).find()) {
                continue;
            }
            Matcher action = ACTION.matcher(attributes);
            String target = action.find() ? action.group(1) : "";
            formsSeen.add(target);
            assertThat(forms.group(2))
                    .as("form posting to %s on %s", target, page.url())
                    .contains(CSRF_FIELD);
        }
    }

    private HttpBrowser.Response reShown(HttpBrowser browser, String path, String field, String value) {
        browser.get(canopy.hub(path.equals("/portals") ? "/portals/new" : path));
        var response = browser.post(canopy.hub(path), field, value, "zone", "default", "title", "Title");
        assertThat(response.status()).as("re-shown %s", path).isEqualTo(422);
        return response;
    }

    private boolean servedHere(String url) {
        URI uri = URI.create(url);
        return uri.getPort() == port
                && uri.getHost() != null
                && (uri.getHost().equals("localhost") || uri.getHost().endsWith(".localhost"));
    }
}
