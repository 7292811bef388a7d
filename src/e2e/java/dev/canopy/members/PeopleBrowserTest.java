package dev.canopy.members;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The company people flow in a real browser: an administrator invites by email, the invitee registers from the mailed
 * link, both see each other, the administrator makes the invitee head of a new department and then dismisses them.
 */
@CanopyTest
@ExtendWith(Chromium.class)
class PeopleBrowserTest {

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

    @Test
    void invitedEmployeeJoinsLeadsDepartmentAndLosesAccess(Browser browser) {
        Canopy canopy = new Canopy(port);
        People people = new People(accounts, portalCreation, jdbc);
        long annId = accounts.registerWithProvedEmail("ann@example.com", Canopy.PASSWORD, "Ann Admin")
                .id();
        people.portal(annId, "Acme Corp", "acme");

        try (BrowserContext annContext = browser.newContext();
                BrowserContext ivoContext = browser.newContext()) {
            Page ann = annContext.newPage();
            signIn(ann, canopy, "ann@example.com");
            ann.navigate(canopy.portal("acme", "/members"));
            ann.getByTestId("invite-people").click();
            assertThat(ann).hasURL(canopy.portal("acme", "/members/invite"));
            ann.getByLabel("Email").fill("ivo@example.com");
            ann.getByTestId("send-invitation").click();
            assertThat(ann.getByTestId("notice")).containsText("ivo@example.com");

            Page ivo = ivoContext.newPage();
            ivo.navigate(Mailbox.link(mailbox.latestTo("ivo@example.com"), "/invitations/"));
            assertThat(ivo.getByTestId("invitation-text")).containsText("Acme Corp");
            ivo.getByLabel("Name").fill("Ivo Invitee");
            ivo.getByLabel("Password").fill(Canopy.PASSWORD);
            ivo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register and join"))
                    .click();
            assertThat(ivo.getByTestId("brand")).hasText("Acme Corp");
            assertThat(ivo.getByTestId("viewer")).hasText("Ivo Invitee");

            nav(ivo, "Members").click();
            assertThat(memberRow(ivo, "Ann Admin")).isVisible();
            assertThat(memberRow(ivo, "Ivo Invitee")).isVisible();
            ann.navigate(canopy.portal("acme", "/members"));
            assertThat(memberRow(ann, "Ivo Invitee").getByTestId("member-state"))
                    .hasText("Active");
            assertThat(memberRow(ann, "Ann Admin")).isVisible();

            nav(ann, "Structure").click();
            assertThat(ann).hasURL(canopy.portal("acme", "/structure"));
            Locator top = department(ann, "Acme Corp");
            editDepartment(ann, top);
            top.getByLabel("New sub-department").fill("Research");
            top.getByTestId("add-department").click();
            Locator research = department(ann, "Research");
            assertThat(research).isVisible();
            editDepartment(ann, research);
            research.getByLabel("Add a member").selectOption(new SelectOption().setLabel("Ivo Invitee"));
            research.getByTestId("add-member").click();
            research = department(ann, "Research");
            assertThat(research.getByTestId("department-member")).containsText("Ivo Invitee");
            editDepartment(ann, research);
            research.getByLabel("Head", new Locator.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("Ivo Invitee"));
            research.getByTestId("set-head").click();
            assertThat(department(ann, "Research").getByTestId("department-head"))
                    .hasText("Head: Ivo Invitee");

            nav(ivo, "Structure").click();
            assertThat(ivo.getByTestId("structure-tree")).containsText("Ann Admin");
            assertThat(department(ivo, "Research").getByTestId("department-head"))
                    .hasText("Head: Ivo Invitee");
            assertThat(department(ivo, "Acme Corp").getByTestId("edit-department"))
                    .hasCount(0);
            nav(ivo, "Members").click();
            assertThat(memberRow(ivo, "Ivo Invitee").getByTestId("member-departments"))
                    .hasText("Research");

            nav(ann, "Members").click();
            memberRow(ann, "Ivo Invitee").getByTestId("dismiss").click();
            assertThat(ann.getByRole(AriaRole.MAIN)).containsText("Ivo Invitee will lose access");
            ann.getByTestId("dismiss-form")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dismiss"))
                    .click();
            assertThat(memberRow(ann, "Ivo Invitee").getByTestId("member-state"))
                    .hasText("Dismissed");

            nav(ivo, "Structure").click();
            assertThat(ivo.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No access")))
                    .isVisible();
            assertThat(ivo.getByTestId("structure-tree")).hasCount(0);
            assertThat(ivo.getByTestId("portal-nav")).hasCount(0);
            assertThat(ivo.locator("body")).not().containsText("Research");
            assertThat(ivo.locator("body")).not().containsText("Ann Admin");
            // The top bar is a flex row only when the refusal page could load its stylesheet.
            assertThat(ivo.locator("header")).hasCSS("display", "flex");
        }
    }

    static void signIn(Page page, Canopy canopy, String email) {
        page.navigate(canopy.hub("/sign-in"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Canopy.PASSWORD);
        page.getByRole(AriaRole.MAIN)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByTestId("viewer")).isVisible();
    }

    private static Locator nav(Page page, String name) {
        return page.getByTestId("portal-nav")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator memberRow(Page page, String name) {
        return page.getByTestId("member-row")
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByTestId("member-name")
                                .getByText(name, new Locator.GetByTextOptions().setExact(true))));
    }

    /**
     * Opens the department's edit controls in place. The Edit link is a plain link until htmx has processed the page,
     * so the click waits for the page's load event, which comes after the deferred scripts ran.
     */
    private static void editDepartment(Page page, Locator department) {
        page.waitForLoadState(LoadState.LOAD);
        department.getByTestId("edit-department").first().click();
        assertThat(department.getByTestId("department-actions").first()).isVisible();
    }

    /** Finds a department's list item by name. The item contains its sub-departments too, after its own controls. */
    private static Locator department(Page page, String name) {
        return page.locator("[data-testid=department]:has(> .department-title [data-testid=department-name]:text-is(\""
                + name + "\"))");
    }
}
