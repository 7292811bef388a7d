package dev.canopy.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.Chromium;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A person's first steps in a real browser: register, confirm the email, create a portal, sign out. */
@CanopyTest
@ExtendWith(Chromium.class)
class FirstPortalBrowserTest {

    private static final Pattern VERIFICATION_LINK = Pattern.compile("http://localhost:\\d+/verify\\?token=\\S+");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Test
    void founderCreatesPrivatePortal(Browser browser) throws Exception {
        Canopy canopy = new Canopy(port);
        try (BrowserContext founderContext = browser.newContext();
                BrowserContext outsiderContext = browser.newContext()) {
            Page founder = founderContext.newPage();

            register(founder, canopy, "ann@example.com", "Ann Founder");
            assertThat(founder.getByTestId("unverified")).isVisible();

            founder.navigate(verificationLink());
            assertThat(founder.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Email confirmed")))
                    .isVisible();

            founder.navigate(canopy.hub("/"));
            founder.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create a portal"))
                    .click();
            founder.getByLabel("Company name").fill("Acme Corp");
            founder.getByLabel("Address", new Page.GetByLabelOptions().setExact(true))
                    .fill("acme");
            founder.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the portal"))
                    .click();

            assertThat(founder).hasURL(canopy.portal("acme", "/"));
            assertThat(founder.getByTestId("portal-title")).hasText("Acme Corp");
            assertThat(founder.getByTestId("viewer")).hasText("Ann Founder");

            Page outsider = outsiderContext.newPage();
            register(outsider, canopy, "bob@example.com", "Bob Outsider");
            var forbidden = outsider.navigate(canopy.portal("acme", "/"));

            Assertions.assertThat(forbidden.status()).isEqualTo(403);
            assertThat(outsider).hasURL(canopy.portal("acme", "/"));
            assertThat(outsider.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No access")))
                    .isVisible();
            assertThat(outsider.locator("body")).not().containsText("Acme Corp");
            assertThat(outsider.locator("body")).not().containsText("Ann Founder");
            assertThat(outsider.getByTestId("portal-title")).hasCount(0);

            founder.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            assertThat(founder).hasURL(canopy.hub("/"));
            assertThat(founder.getByTestId("viewer")).hasCount(0);
            assertThat(founder.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in"))
                            .first())
                    .isVisible();
            founder.navigate(canopy.hub("/portals/new"));
            assertThat(founder.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in")))
                    .isVisible();
        }
    }

    private static void register(Page page, Canopy canopy, String email, String name) {
        page.navigate(canopy.hub("/register"));
        page.getByLabel("Name").fill(name);
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Canopy.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my profile"))
                .click();
        assertThat(page).hasURL(canopy.hub("/"));
        assertThat(page.getByTestId("viewer")).hasText(name);
    }

    private static String verificationLink() throws Exception {
        Assertions.assertThat(smtp.waitForIncomingEmail(10_000, 1))
                .as("a verification mail arrived")
                .isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        Matcher link = VERIFICATION_LINK.matcher(mail.getContent().toString());
        Assertions.assertThat(link.find()).as("the mail contains a link").isTrue();
        return link.group();
    }
}
