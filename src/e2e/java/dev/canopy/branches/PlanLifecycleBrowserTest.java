package dev.canopy.branches;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.plans.Plan;
import dev.canopy.plans.Plans;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.Chromium;
import dev.canopy.support.Eventually;
import dev.canopy.support.People;
import dev.canopy.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A branch's plan lifecycle as its people see it in a real browser. The branch administrator chooses Free, so the branch
 * is suspended. Fifteen days later it is blocked for its employee, and a paid plan chosen on the Plan page reopens it at
 * once. The network manager follows the branch's row in the widget of the main portal. A zero sweep interval runs the
 * deadline sweeps on every poll, because the test clock does not move on its own.
 */
@CanopyTest
@TestPropertySource(properties = "canopy.deadlines.sweep-interval=0s")
@ExtendWith(Chromium.class)
class PlanLifecycleBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    PortalCreation portalCreation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Plans plans;

    @Autowired
    BranchNetwork network;

    @Autowired
    TestClock clock;

    Canopy canopy;

    @Test
    void branchFallsToFreeIsBlockedAndReopens(Browser browser) {
        canopy = new Canopy(port);
        People people = new People(accounts, portalCreation, jdbc);
        long ann = people.person("Ann Manager");
        long bob = people.person("Bob Owner");
        long eve = people.person("Eve Employee");
        Portal head = people.portal(ann, "Head Office", "lifehead");
        Portal shop = people.portal(bob, "Corner Shop", "lifeshop");
        people.join(shop.id(), eve, "EMPLOYEE");
        plans.choose(head.id(), Plan.ENTERPRISE, 12);
        plans.choose(shop.id(), Plan.BASIC, 12);
        network.accept(bob, shop.id(), network.invite(ann, head.id(), shop.id()).id());

        try (BrowserContext annContext = browser.newContext();
                BrowserContext bobContext = browser.newContext();
                BrowserContext eveContext = browser.newContext()) {
            Page manager = annContext.newPage();
            signIn(manager, people.email(ann));
            Page owner = bobContext.newPage();
            signIn(owner, people.email(bob));
            Page employee = eveContext.newPage();
            signIn(employee, people.email(eve));

            owner.navigate(canopy.portal("lifeshop", "/settings/plan"));
            Instant fellToFree = clock.instant();
            choosePlan(owner, "Free");
            assertThat(owner.getByTestId("current-plan")).hasText("Free");
            String deadline = BranchStanding.DATES.format(fellToFree.plus(Duration.ofDays(15)));
            Locator banner = owner.getByTestId("suspended-banner");
            assertThat(banner).containsText("suspended");
            assertThat(banner).containsText(deadline);
            assertThat(banner).not().containsClass("red");
            assertThat(banner.getByTestId("banner-plan")).isVisible();
            assertThat(banner.getByTestId("banner-leave")).isVisible();
            owner.navigate(canopy.portal("lifeshop", "/members"));
            assertThat(owner.getByTestId("suspended-banner")).containsText(deadline);

            manager.navigate(canopy.portal("lifehead", "/"));
            openWidget(manager);
            Locator suspendedRow = widgetRow(manager, "lifeshop");
            assertThat(suspendedRow).containsClass("red");
            assertThat(suspendedRow.locator(".standing")).hasText("suspended");
            assertThat(widgetRow(manager, "lifehead")).not().containsClass("red");

            clock.set(fellToFree.plus(Duration.ofDays(15).plusMinutes(5)));
            NetworkPortal blocked =
                    Eventually.value(() -> network.portal(shop.id()), portal -> portal.blockedAt() != null);
            Assertions.assertThat(blocked.blockedAt()).isNotNull();

            for (String path : List.of("/", "/members", "/structure", "/settings/plan")) {
                employee.navigate(canopy.portal("lifeshop", path));
                Locator blockedPage = employee.getByTestId("blocked-page");
                assertThat(blockedPage).containsText("on the Free plan for more than 15 days");
                assertThat(blockedPage).containsText("Ask an administrator of this portal to unblock it.");
                assertThat(employee.getByTestId("brand")).hasText("Corner Shop");
                assertThat(employee.locator("body")).not().containsText("Head Office");
            }

            owner.navigate(canopy.portal("lifeshop", "/"));
            assertThat(owner.getByTestId("blocked-page")).isVisible();
            owner.getByTestId("blocked-plan").click();
            assertThat(owner).hasURL(canopy.portal("lifeshop", "/settings/plan"));
            assertThat(owner.getByTestId("blocked-page")).hasCount(0);
            assertThat(owner.getByTestId("blocked-banner")).containsText("stayed on the Free plan for 15 days");
            assertThat(owner.getByTestId("blocked-banner")).containsClass("red");
            assertThat(owner.getByTestId("current-plan")).hasText("Free");

            manager.reload();
            openWidget(manager);
            Locator blockedRow = widgetRow(manager, "lifeshop");
            assertThat(blockedRow).containsClass("red");
            assertThat(blockedRow.locator(".standing")).hasText("blocked");

            choosePlan(owner, "Basic");
            assertThat(owner.getByTestId("current-plan")).hasText("Basic");
            assertThat(owner.getByTestId("blocked-banner")).hasCount(0);
            assertThat(owner.getByTestId("suspended-banner")).hasCount(0);

            employee.navigate(canopy.portal("lifeshop", "/structure"));
            assertThat(employee.getByTestId("blocked-page")).hasCount(0);
            assertThat(employee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Company structure")))
                    .isVisible();
            assertThat(employee.getByTestId("brand")).hasText("Corner Shop");

            manager.reload();
            openWidget(manager);
            Locator restoredRow = widgetRow(manager, "lifeshop");
            assertThat(restoredRow).not().containsClass("red");
            assertThat(restoredRow.locator(".standing")).hasCount(0);

            manager.navigate(canopy.portal("lifehead", "/settings/network"));
            assertThat(manager.getByTestId("network-role"))
                    .hasText("This portal is the main portal of a network with 1 branch.");
        }
    }

    private void signIn(Page page, String email) {
        page.navigate(canopy.hub("/sign-in"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Canopy.PASSWORD);
        page.getByRole(AriaRole.MAIN)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByTestId("viewer")).isVisible();
    }

    /** Chooses a plan in the form of the open Plan page, with the first period the form offers. */
    private static void choosePlan(Page page, String plan) {
        page.getByLabel("Plan", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel(plan));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose this plan"))
                .click();
    }

    /**
     * Opens the widget with the "Network" button of the top bar. The button does nothing until htmx has processed the
     * page, so the click waits for the page's load event, which comes after the deferred scripts ran.
     */
    private static void openWidget(Page page) {
        page.waitForLoadState(LoadState.LOAD);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Network").setExact(true))
                .click();
        assertThat(page.getByTestId("network-widget")).isVisible();
    }

    private Locator widgetRow(Page page, String name) {
        return page.locator("[data-testid=widget-row][data-portal=\"" + name + ".localhost:" + port + "\"]");
    }
}
