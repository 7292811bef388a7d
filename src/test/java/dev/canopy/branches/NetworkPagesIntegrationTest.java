package dev.canopy.branches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.plans.Plan;
import dev.canopy.plans.Plans;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.People;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkPagesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    BranchNetwork network;

    @Autowired
    Plans plans;

    @Autowired
    Accounts accounts;

    @Autowired
    PortalCreation portalCreation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.canopy.mail.Mailer mailer;

    Canopy canopy;
    People people;
    long ann;
    long mia;
    long emp;
    long bea;
    long bob;
    Portal head;
    Portal north;
    Portal south;
    Portal outsider;

    @BeforeAll
    void createNetwork() {
        canopy = new Canopy(port);
        people = new People(accounts, portalCreation, jdbc);
        ann = people.person("Ann Manager");
        mia = people.person("Mia Both");
        emp = people.person("Emil Headonly");
        bea = people.person("Bea Southonly");
        bob = people.person("Bob South");
        head = people.portal(ann, "Head Office", "head");
        plans.choose(head.id(), Plan.ENTERPRISE, 12);
        north = network.createBranch(ann, head.id(), "North Branch", "north", null);
        south = people.portal(bob, "South Branch", "south");
        network.accept(
                bob, south.id(), network.invite(ann, head.id(), south.id()).id());
        outsider = people.portal(bob, "Outsider", "outsider");
        people.join(head.id(), mia, "EMPLOYEE");
        people.join(north.id(), mia, "EMPLOYEE");
        people.join(head.id(), emp, "EMPLOYEE");
        people.join(south.id(), bea, "EMPLOYEE");
    }

    @Test
    void networkManagerSeesMainFirstThenOwnBranchesThenOthersWithMenu() throws Exception {
        try (HttpBrowser browser = signedIn(ann)) {
            var home = browser.open(canopy.portal("head", "/"));
            var widget = browser.get(canopy.portal("head", "/network/widget"));

            assertThat(home.body()).contains("data-testid=\"network-toggle\"");
            String body = widget.body();
            assertThat(body.indexOf("Head Office")).isLessThan(body.indexOf("North Branch"));
            assertThat(body.indexOf("North Branch")).isLessThan(body.indexOf("South Branch"));
            assertThat(body).contains("not a member").contains("You are here");
            assertThat(body).contains("/network/branches/" + south.id() + "/employees");
            assertThat(body).doesNotContain("Outsider");
        }
    }

    @Test
    void managerSearchesBranches() throws Exception {
        try (HttpBrowser browser = signedIn(ann)) {
            browser.open(canopy.portal("head", "/"));

            var found = browser.get(canopy.portal("head", "/network/widget?q=sou"));

            assertThat(found.body()).contains("South Branch").doesNotContain("North Branch");
        }
    }

    @Test
    void memberOfTwoPortalsSeesBothWithoutManagerParts() throws Exception {
        try (HttpBrowser browser = signedIn(mia)) {
            browser.open(canopy.portal("north", "/"));

            var widget = browser.get(canopy.portal("north", "/network/widget"));

            assertThat(widget.body()).contains("Head Office").contains("North Branch");
            assertThat(widget.body()).doesNotContain("South Branch").doesNotContain("not a member");
            assertThat(widget.body()).doesNotContain("/network/branches/");
        }
    }

    @Test
    void mainPortalEmployeeInNoBranchSeesNoWidget() throws Exception {
        try (HttpBrowser browser = signedIn(emp)) {
            var home = browser.open(canopy.portal("head", "/"));
            var widget = browser.get(canopy.portal("head", "/network/widget"));

            assertThat(home.status()).isEqualTo(200);
            assertThat(home.body()).doesNotContain("network-toggle");
            assertThat(widget.status()).isEqualTo(404);
        }
    }

    @Test
    void branchEmployeeSeesNoTraceOfMainPortal() throws Exception {
        try (HttpBrowser browser = signedIn(bea)) {
            var home = browser.open(canopy.portal("south", "/"));
            var members = browser.get(canopy.portal("south", "/members"));
            var widget = browser.get(canopy.portal("south", "/network/widget"));
            var settings = browser.get(canopy.portal("south", "/settings/network"));

            assertThat(home.body()).doesNotContain("network-toggle").doesNotContain("Head Office");
            assertThat(members.body()).doesNotContain("Head Office").doesNotContain("Ann Manager");
            assertThat(widget.status()).isEqualTo(404);
            assertThat(settings.status()).isEqualTo(403);
            assertThat(settings.body()).doesNotContain("Head Office");
        }
    }

    @Test
    void managerWhoIsNotBranchMemberIsRefusedOnBranchHost() throws Exception {
        try (HttpBrowser browser = signedIn(ann)) {
            var branch = browser.open(canopy.portal("south", "/"));

            assertThat(branch.status()).isEqualTo(403);
            assertThat(branch.body()).doesNotContain("South Branch");
        }
    }

    @Test
    void branchMenuShowsEmployeesReadOnlyOnlyForBranchesOfThisNetwork() throws Exception {
        try (HttpBrowser manager = signedIn(ann);
                HttpBrowser employee = signedIn(mia)) {
            manager.open(canopy.portal("head", "/"));
            employee.open(canopy.portal("head", "/"));

            var employees = manager.get(canopy.portal("head", "/network/branches/" + south.id() + "/employees"));
            var foreign = manager.get(canopy.portal("head", "/network/branches/" + outsider.id() + "/employees"));
            var bogus = manager.get(canopy.portal("head", "/network/branches/abc/employees"));
            var notManager = employee.get(canopy.portal("head", "/network/branches/" + south.id() + "/employees"));

            assertThat(employees.status()).isEqualTo(200);
            assertThat(employees.body())
                    .contains("Bea Southonly")
                    .contains("Bob South")
                    .doesNotContain("<form method=\"post\" action=\"/members");
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.body()).doesNotContain("Outsider");
            assertThat(bogus.status()).isEqualTo(404);
            assertThat(notManager.status()).isEqualTo(404);
        }
    }

    @Test
    void settingsRefuseBadAddressWithMessageAndEmployeesGetForbidden() throws Exception {
        try (HttpBrowser manager = signedIn(ann);
                HttpBrowser employee = signedIn(emp)) {
            manager.open(canopy.portal("head", "/settings/network"));
            employee.open(canopy.portal("head", "/"));

            var unknown = manager.post(canopy.portal("head", "/settings/network/connect"), "address", "nope.localhost");
            var foreignHost =
                    manager.post(canopy.portal("head", "/settings/network/connect"), "address", "evil.example");
            var forbidden = employee.get(canopy.portal("head", "/settings/network"));
            var forbiddenPost =
                    employee.post(canopy.portal("head", "/settings/network/connect"), "address", "outsider.localhost");

            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.body()).contains("No portal exists at this address.");
            assertThat(foreignHost.status()).isEqualTo(422);
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbiddenPost.status()).isEqualTo(403);
            assertThat(network.pendingRequests(outsider.id())).isEmpty();
        }
    }

    @Test
    void typingAddressOfForeignPortalSendsRequestItsAdministratorAccepts() throws Exception {
        long cid = people.person("Cid Candidate");
        Portal candidate = people.portal(cid, "Candidate", "candidate");
        try (HttpBrowser manager = signedIn(ann);
                HttpBrowser owner = signedIn(cid)) {
            manager.open(canopy.portal("head", "/settings/network"));
            var sent = manager.submit(
                    canopy.portal("head", "/settings/network/connect"), "address", "candidate.localhost");
            owner.open(canopy.portal("candidate", "/settings/network"));
            long requestId = network.pendingRequests(candidate.id()).get(0).id();
            var accepted =
                    owner.submit(canopy.portal("candidate", "/settings/network/requests/" + requestId + "/accept"));

            assertThat(sent.body()).contains("The request is sent.");
            assertThat(accepted.body())
                    .contains("The request is accepted.")
                    .contains("branch of the network of Head Office");
            assertThat(network.portal(candidate.id()).branch()).isTrue();
        }
    }

    @Test
    void branchMenuShowsStructureReadOnlyAndInvitesInBranchName() throws Exception {
        try (HttpBrowser manager = signedIn(ann)) {
            manager.open(canopy.portal("head", "/"));

            var structure = manager.get(canopy.portal("head", "/network/branches/" + south.id() + "/structure"));
            var foreignStructure =
                    manager.get(canopy.portal("head", "/network/branches/" + outsider.id() + "/structure"));
            manager.get(canopy.portal("head", "/network/branches/" + south.id() + "/invite"));
            var badEmail = manager.post(
                    canopy.portal("head", "/network/branches/" + south.id() + "/invite"), "emails", "not-an-email");
            var invited = manager.post(
                    canopy.portal("head", "/network/branches/" + south.id() + "/invite"),
                    "emails",
                    "newhire@example.com, second@example.com");

            assertThat(structure.status()).isEqualTo(200);
            assertThat(structure.body())
                    .contains("data-testid=\"branch-structure\"")
                    .contains("South Branch");
            assertThat(structure.body()).doesNotContain("data-testid=\"edit-department\"");
            assertThat(foreignStructure.status()).isEqualTo(404);
            assertThat(badEmail.status()).isEqualTo(422);
            assertThat(badEmail.body()).contains("not-an-email");
            assertThat(invited.status()).isEqualTo(200);
            assertThat(invited.body()).contains("2 invitations were sent in the name of South Branch.");
            var mail = mailer.portalMail(south.id(), 10);
            assertThat(mail)
                    .anyMatch(each -> each.recipient().equals("newhire@example.com")
                            && each.body().contains("South Branch invites you to join it"));
            assertThat(mail).noneMatch(each -> each.body().contains("Ann Manager"));
        }
    }

    private HttpBrowser signedIn(long personId) {
        HttpBrowser browser = new HttpBrowser();
        canopy.signIn(browser, people.email(personId));
        return browser;
    }
}
