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
import dev.canopy.directory.PortalCreation;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.Chromium;
import dev.canopy.support.Mailbox;
import dev.canopy.support.People;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A branch network built and used in a real browser. The manager moves the main portal to Enterprise, creates a
 * branch, connects one portal at once and another by request, invites a branch employee from the widget, copies an
 * address and disconnects a branch. Meanwhile a person who works in three of the portals switches between them.
 */
@CanopyTest
@ExtendWith(Chromium.class)
class NetworkBrowserTest {

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

    @Autowired
    Accounts accounts;

    @Autowired
    PortalCreation portalCreation;

    @Autowired
    JdbcClient jdbc;

    Canopy canopy;

    @Test
    void managerBuildsNetworkThatMembersSwitchAcross(Browser browser) {
        canopy = new Canopy(port);
        People people = new People(accounts, portalCreation, jdbc);
        long ann = accounts.registerWithProvedEmail("ann@example.com", Canopy.PASSWORD, "Ann Manager")
                .id();
        long bob = accounts.registerWithProvedEmail("bob@example.com", Canopy.PASSWORD, "Bob South")
                .id();
        long mia = accounts.registerWithProvedEmail("mia@example.com", Canopy.PASSWORD, "Mia Multi")
                .id();
        long head = people.portal(ann, "Head Office", "head").id();
        long north = people.portal(ann, "North Office", "north").id();
        long south = people.portal(bob, "South Office", "south").id();
        people.join(head, mia, "EMPLOYEE");
        people.join(north, mia, "EMPLOYEE");
        people.join(south, mia, "EMPLOYEE");

        var clipboard = new Browser.NewContextOptions().setPermissions(List.of("clipboard-read", "clipboard-write"));
        try (BrowserContext annContext = browser.newContext(clipboard);
                BrowserContext bobContext = browser.newContext();
                BrowserContext eveContext = browser.newContext();
                BrowserContext miaContext = browser.newContext()) {
            Page manager = annContext.newPage();
            signIn(manager, "ann@example.com");
            manager.navigate(canopy.portal("head", "/"));
            nav(manager, "Plan").click();
            manager.getByLabel("Plan", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("Enterprise"));
            manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose this plan"))
                    .click();
            assertThat(manager.getByTestId("current-plan")).hasText("Enterprise");
            assertThat(manager.getByTestId("network-toggle")).hasCount(0);

            nav(manager, "Branch network").click();
            manager.getByLabel("Company name").fill("East Branch");
            manager.getByLabel("Address", new Page.GetByLabelOptions().setExact(true))
                    .fill("east");
            manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the branch"))
                    .click();
            assertThat(notice(manager)).hasText("The branch is created and runs in its 15-day trial.");

            manager.getByLabel("Portal you administer")
                    .selectOption(new SelectOption().setLabel("North Office (" + address("north") + ")"));
            manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect now"))
                    .click();
            assertThat(notice(manager)).hasText("The portal is connected to the network.");

            manager.getByLabel("Address of the portal").fill(address("south"));
            manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect or send a request"))
                    .click();
            assertThat(notice(manager))
                    .hasText("The request is sent. The other side's administrators can accept it within 7 days.");
            assertThat(manager.getByTestId("outgoing-requests")).containsText("South Office");
            assertThat(manager.getByTestId("network-role"))
                    .hasText("This portal is the main portal of a network with 2 branches.");

            Page southAdmin = bobContext.newPage();
            signIn(southAdmin, "bob@example.com");
            southAdmin.navigate(canopy.portal("south", "/settings/network"));
            Locator request = southAdmin.getByTestId("incoming-requests").getByRole(AriaRole.LISTITEM);
            assertThat(request).containsText("Head Office");
            request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept"))
                    .click();
            assertThat(notice(southAdmin)).hasText("The request is accepted.");
            assertThat(southAdmin.getByTestId("network-role"))
                    .hasText("This portal is a branch of the network of Head Office.");

            manager.navigate(canopy.portal("head", "/"));
            openWidget(manager);
            assertThat(widgetRows(manager)).hasCount(4);
            assertThat(widgetRow(manager, "head")).containsText("You are here");
            assertThat(widgetRow(manager, "south")).containsText("not a member");

            branchMenu(manager, "north")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy address"))
                    .click();
            assertThat(widgetRow(manager, "north").getByRole(AriaRole.STATUS)).hasText("Address copied");
            Assertions.assertThat(manager.evaluate("() => navigator.clipboard.readText()"))
                    .isEqualTo(address("north"));

            branchMenu(manager, "east")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Invite employees"))
                    .click();
            manager.getByLabel("Emails, separated by commas or new lines").fill("eve@example.com");
            manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitations"))
                    .click();
            assertThat(notice(manager)).hasText("One invitation was sent in the name of East Branch.");

            String invitation = mailbox.latestTo("eve@example.com");
            Assertions.assertThat(invitation).contains("East Branch").doesNotContain("Head Office");
            Page employee = eveContext.newPage();
            employee.navigate(Mailbox.link(invitation, "/invitations/"));
            employee.getByLabel("Name").fill("Eve Employee");
            employee.getByLabel("Password").fill(Canopy.PASSWORD);
            employee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register and join"))
                    .click();
            assertThat(employee.getByTestId("brand")).hasText("East Branch");
            Map<String, String> branchPages =
                    Map.of("Home", "/", "Members", "/members", "Structure", "/structure", "Plan", "/settings/plan");
            for (var link : branchPages.entrySet()) {
                nav(employee, link.getKey()).click();
                assertThat(employee).hasURL(canopy.portal("east", link.getValue()));
                assertThat(employee.getByTestId("brand")).hasText("East Branch");
                assertThat(employee.getByTestId("network-toggle")).hasCount(0);
                assertThat(employee.locator("body")).not().containsText("Head Office");
            }
            employee.getByTestId("notification-bell").click();
            assertThat(employee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notifications")))
                    .isVisible();
            assertThat(employee.locator("body")).not().containsText("Head Office");
            employee.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your portals"))
                    .click();
            assertThat(employee).hasURL(canopy.hub("/"));
            assertThat(employee.getByRole(AriaRole.MAIN)).containsText("East Branch");
            assertThat(employee.locator("body")).not().containsText("Head Office");

            Page multi = miaContext.newPage();
            signIn(multi, "mia@example.com");
            multi.navigate(canopy.portal("head", "/"));
            assertThat(multi.getByTestId("brand")).hasText("Head Office");
            openWidget(multi);
            assertThat(widgetRows(multi)).hasCount(3);
            assertThat(widgetRow(multi, "east")).hasCount(0);
            switchTo(multi, "north", "North Office");
            switchTo(multi, "south", "South Office");
            switchTo(multi, "head", "Head Office");

            manager.navigate(canopy.portal("head", "/"));
            openWidget(manager);
            branchMenu(manager, "south")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Disconnect"))
                    .click();
            assertThat(manager.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("Disconnect South Office")))
                    .isVisible();
            assertThat(manager.getByRole(AriaRole.MAIN))
                    .containsText("Disconnect South Office (" + address("south") + ") from the network?");
            assertThat(manager.getByRole(AriaRole.MAIN)).containsText("disappears from everyone's network widget");
            manager.getByTestId("confirm-disconnect").click();
            assertThat(notice(manager)).hasText("The branch is disconnected.");

            openWidget(manager);
            assertThat(widgetRows(manager)).hasCount(3);
            assertThat(widgetRow(manager, "south")).hasCount(0);
            multi.reload();
            openWidget(multi);
            assertThat(widgetRows(multi)).hasCount(2);
            assertThat(widgetRow(multi, "south")).hasCount(0);
            assertThat(widgetRow(multi, "north")).isVisible();
        }
    }

    private String address(String name) {
        return name + ".localhost:" + port;
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

    /** Opens the widget from the top bar and opens the portal's row link, then checks the portal it landed on. */
    private void switchTo(Page page, String name, String title) {
        openWidget(page);
        widgetRow(page, name)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title))
                .click();
        assertThat(page).hasURL(canopy.portal(name, "/"));
        assertThat(page.getByTestId("brand")).hasText(title);
        assertThat(page.getByTestId("viewer")).hasText("Mia Multi");
    }

    /**
     * Opens the widget from the top bar. The toggle does nothing until htmx has processed the page, so the click waits
     * for the page's load event, which comes after the deferred scripts ran.
     */
    private static void openWidget(Page page) {
        page.waitForLoadState(LoadState.LOAD);
        page.getByTestId("network-toggle").click();
        assertThat(page.getByTestId("network-widget")).isVisible();
    }

    private static Locator nav(Page page, String name) {
        return page.getByTestId("portal-nav")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator notice(Page page) {
        return page.getByRole(AriaRole.MAIN).getByRole(AriaRole.STATUS);
    }

    private static Locator widgetRows(Page page) {
        return page.getByTestId("widget-row");
    }

    private Locator widgetRow(Page page, String name) {
        return page.locator("[data-testid=widget-row][data-portal=\"" + address(name) + "\"]");
    }

    /** Opens the ⋯ menu of a branch row and returns the row. */
    private Locator branchMenu(Page page, String name) {
        Locator row = widgetRow(page, name);
        row.locator("summary").click();
        assertThat(row.locator("details.branch-menu")).hasAttribute("open", "");
        return row;
    }
}
