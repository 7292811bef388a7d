package dev.canopy.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.mail.Mailer;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The portal-wide invite link, approvals, and the stored mail page, on an install without SMTP. */
@CanopyTest
@Import(RecordedEvents.class)
class InviteLinkIntegrationTest {

    private static final Pattern JOIN_LINK = Pattern.compile("http://localhost:\\d+/join/[A-Za-z0-9_-]+");
    private static final Pattern DEPARTMENT = Pattern.compile("<option value=\"(\\d+)\"[^>]*>([^<]+)</option>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Mailer mailer;

    @Autowired
    RecordedEvents events;

    Canopy canopy;
    MemberSteps steps;

    @BeforeEach
    void setUp() {
        canopy = new Canopy(port);
        steps = new MemberSteps(canopy, jdbc, mailer);
    }

    @Test
    void newcomerJoinsByLinkIntoTheChosenDepartment() throws Exception {
        try (HttpBrowser admin = administrator("link-corp", "Link Corp");
                HttpBrowser nora = new HttpBrowser()) {
            var invitePage = admin.get(canopy.portal("link-corp", "/members/invite"));
            Matcher department = DEPARTMENT.matcher(invitePage.body());
            assertThat(department.find()).isTrue();
            String link = turnOn(admin, "link-corp", false, department.group(1));

            var landing = nora.get(link);
            var joined = nora.submit(
                    link + "/register",
                    "email",
                    "nora@link.example",
                    "name",
                    "Nora Newcomer",
                    "password",
                    Canopy.PASSWORD);

            assertThat(landing.body()).contains("Link Corp");
            assertThat(joined.url()).isEqualTo(canopy.portal("link-corp", "/"));
            assertThat(joined.body()).contains("Nora Newcomer");
            long noraId = steps.memberId("link-corp", "nora@link.example");
            assertThat(steps.state(noraId)).isEqualTo("ACTIVE");
            var list = admin.get(canopy.portal("link-corp", "/members?q=nora"));
            assertThat(list.body()).contains("member-departments\">" + department.group(2));
            assertThat(events.all()).contains(new InvitationAccepted(steps.portalId("link-corp"), noraId));
        }
    }

    @Test
    void turningTheLinkOffStopsItAtOnce() throws Exception {
        try (HttpBrowser admin = administrator("off-corp", "Off Corp");
                HttpBrowser otto = new HttpBrowser()) {
            canopy.register(otto, "otto@off.example", "Otto Outsider");
            String link = turnOn(admin, "off-corp", false, "");
            otto.get(link);

            admin.post(canopy.portal("off-corp", "/members/invite-link"), "department", "");
            var opened = otto.get(link);
            var join = otto.post(link + "/accept");

            assertThat(opened.status()).isEqualTo(410);
            assertThat(opened.body()).contains("turned off").doesNotContain("Off Corp");
            assertThat(join.status()).isEqualTo(410);
            assertThat(jdbc.sql("select count(*) from directory.memberships m join directory.persons p"
                                    + " on p.id = m.person_id where p.email = ?")
                            .param("otto@off.example")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void newLinkReplacesTheOldOne() throws Exception {
        try (HttpBrowser admin = administrator("renew-corp", "Renew Corp");
                HttpBrowser rex = new HttpBrowser()) {
            String oldLink = turnOn(admin, "renew-corp", false, "");

            admin.post(canopy.portal("renew-corp", "/members/invite-link/renew"));
            String newLink = currentLink(admin, "renew-corp");

            assertThat(newLink).isNotEqualTo(oldLink);
            assertThat(rex.get(oldLink).status()).isEqualTo(404);
            assertThat(rex.get(newLink).status()).isEqualTo(200);
        }
    }

    @Test
    void linkNeedingApprovalWaitsForAnAdministrator() throws Exception {
        try (HttpBrowser admin = administrator("approve-corp", "Approve Corp");
                HttpBrowser amy = new HttpBrowser();
                HttpBrowser dora = new HttpBrowser()) {
            canopy.register(amy, "amy@approve.example", "Amy Applicant");
            canopy.register(dora, "dora@approve.example", "Dora Declined");
            String link = turnOn(admin, "approve-corp", true, "");

            amy.get(link);
            var waiting = amy.post(link + "/accept");
            dora.get(link);
            dora.post(link + "/accept");
            long amyId = steps.memberId("approve-corp", "amy@approve.example");
            long doraId = steps.memberId("approve-corp", "dora@approve.example");
            var beforeApproval = amy.open(canopy.portal("approve-corp", "/"));
            var awaitingList = admin.get(canopy.portal("approve-corp", "/members?state=AWAITING_APPROVAL"));
            var approved = admin.post(canopy.portal("approve-corp", "/members/" + amyId + "/approve"));
            var declined = admin.post(canopy.portal("approve-corp", "/members/" + doraId + "/decline"));

            assertThat(waiting.status()).isEqualTo(200);
            assertThat(waiting.body()).contains("approves you");
            assertThat(beforeApproval.status()).isEqualTo(403);
            assertThat(awaitingList.body()).contains("Amy Applicant").contains("data-testid=\"approve\"");
            assertThat(approved.status()).isEqualTo(302);
            assertThat(declined.status()).isEqualTo(302);
            assertThat(steps.state(amyId)).isEqualTo("ACTIVE");
            assertThat(steps.state(doraId)).isEqualTo("DISMISSED");
            assertThat(amy.open(canopy.portal("approve-corp", "/")).status()).isEqualTo(200);
            assertThat(dora.open(canopy.portal("approve-corp", "/")).status()).isEqualTo(403);
            long portalId = steps.portalId("approve-corp");
            assertThat(events.all())
                    .contains(new ApprovalRequested(portalId, amyId))
                    .contains(new MemberAdded(portalId, amyId));
        }
    }

    @Test
    void dismissedMemberCannotComeBackByTheLink() throws Exception {
        try (HttpBrowser admin = administrator("gone-corp", "Gone Corp");
                HttpBrowser gus = steps.employee(admin, "gone-corp", "gus@gone.example", "Gus Gone")) {
            long gusId = steps.memberId("gone-corp", "gus@gone.example");
            admin.get(canopy.portal("gone-corp", "/members"));
            admin.post(canopy.portal("gone-corp", "/members/" + gusId + "/dismiss"));
            String link = turnOn(admin, "gone-corp", false, "");

            gus.get(link);
            var join = gus.post(link + "/accept");

            assertThat(join.status()).isEqualTo(400);
            assertThat(join.body()).contains("dismissed");
            assertThat(steps.state(gusId)).isEqualTo("DISMISSED");
        }
    }

    @Test
    void administratorsReadThePortalsStoredMail() throws Exception {
        try (HttpBrowser admin = administrator("mail-corp", "Mail Corp")) {
            admin.get(canopy.portal("mail-corp", "/members/invite"));
            admin.post(canopy.portal("mail-corp", "/members/invite"), "email", "mo@mail.example");

            var mail = admin.get(canopy.portal("mail-corp", "/mail"));

            assertThat(mail.status()).isEqualTo(200);
            assertThat(mail.body())
                    .contains("mo@mail.example")
                    .contains("invited to Mail Corp")
                    .contains("/invitations/");
        }
    }

    @Test
    void departmentOfAnotherPortalIsRefused() throws Exception {
        try (HttpBrowser annA = administrator("dept-a", "Dept A");
                HttpBrowser zoeB = administrator("dept-b", "Dept B")) {
            var pageB = zoeB.get(canopy.portal("dept-b", "/members/invite"));
            Matcher departmentB = DEPARTMENT.matcher(pageB.body());
            assertThat(departmentB.find()).isTrue();
            annA.get(canopy.portal("dept-a", "/members/invite"));

            var saved = annA.post(
                    canopy.portal("dept-a", "/members/invite-link"),
                    "enabled",
                    "true",
                    "department",
                    departmentB.group(1));

            assertThat(saved.status()).isEqualTo(422);
            assertThat(jdbc.sql("select count(*) from directory.invite_links where portal_id = ?")
                            .param(steps.portalId("dept-a"))
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    private HttpBrowser administrator(String portalName, String title) {
        HttpBrowser browser = new HttpBrowser();
        canopy.register(browser, "admin@" + portalName + ".example", "Admin of " + title);
        canopy.createPortal(browser, title, portalName);
        return browser;
    }

    private String turnOn(HttpBrowser admin, String portalName, boolean needsApproval, String department) {
        admin.get(canopy.portal(portalName, "/members/invite"));
        var saved = needsApproval
                ? admin.post(
                        canopy.portal(portalName, "/members/invite-link"),
                        "enabled",
                        "true",
                        "needsApproval",
                        "true",
                        "department",
                        department)
                : admin.post(
                        canopy.portal(portalName, "/members/invite-link"), "enabled", "true", "department", department);
        assertThat(saved.status()).isEqualTo(302);
        return currentLink(admin, portalName);
    }

    private String currentLink(HttpBrowser admin, String portalName) {
        var page = admin.get(canopy.portal(portalName, "/members/invite"));
        Matcher link = JOIN_LINK.matcher(page.body());
        assertThat(link.find()).as("invite link on %s", page.body()).isTrue();
        return link.group();
    }
}
