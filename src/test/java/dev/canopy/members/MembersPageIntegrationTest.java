package dev.canopy.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.mail.Mailer;
import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CanopyTest
class MembersPageIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Mailer mailer;

    Canopy canopy;
    MemberSteps steps;

    @BeforeEach
    void setUp() {
        canopy = new Canopy(port);
        steps = new MemberSteps(canopy, jdbc, mailer);
    }

    @Test
    void listsNameEmailPositionDepartmentRoleAndState() throws Exception {
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "ann@list.example", "Ann Founder");
            canopy.createPortal(admin, "List Corp", "list-corp");
            try (HttpBrowser bob = steps.employee(admin, "list-corp", "bob@list.example", "Bob Builder")) {
                long bobId = steps.memberId("list-corp", "bob@list.example");
                admin.get(canopy.portal("list-corp", "/members"));
                admin.post(canopy.portal("list-corp", "/members/" + bobId + "/position"), "position", "Site lead");

                var page = admin.get(canopy.portal("list-corp", "/members"));

                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body())
                        .contains("Ann Founder")
                        .contains("ann@list.example")
                        .contains("List Corp")
                        .contains("Bob Builder")
                        .contains("Site lead")
                        .contains("Administrator")
                        .contains("Employee")
                        .contains("Active");
            }
        }
    }

    @Test
    void searchesByNameOrEmailAndFiltersByState() throws Exception {
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "ann@search.example", "Ann Founder");
            canopy.createPortal(admin, "Search Corp", "search-corp");
            steps.employee(admin, "search-corp", "bob@search.example", "Bob Builder")
                    .close();
            admin.get(canopy.portal("search-corp", "/members/invite"));
            admin.post(canopy.portal("search-corp", "/members/invite"), "email", "carol@search.example");

            var byName = admin.get(canopy.portal("search-corp", "/members?q=builder"));
            var byEmail = admin.get(canopy.portal("search-corp", "/members?q=CAROL@"));
            var invited = admin.get(canopy.portal("search-corp", "/members?state=INVITED"));
            var wildcard = admin.get(canopy.portal("search-corp", "/members?q=%25"));

            assertThat(MemberSteps.rowCount(byName.body())).isEqualTo(1);
            assertThat(byName.body()).contains("Bob Builder").doesNotContain("member-name\">Ann Founder");
            assertThat(MemberSteps.rowCount(byEmail.body())).isEqualTo(1);
            assertThat(byEmail.body()).contains("carol@search.example");
            assertThat(MemberSteps.rowCount(invited.body())).isEqualTo(1);
            assertThat(invited.body()).contains("carol@search.example").doesNotContain("Bob Builder");
            assertThat(MemberSteps.rowCount(wildcard.body())).isZero();
        }
    }

    @Test
    void pagesTwentyFiveMembersAtATime() throws Exception {
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "ann@pages.example", "Ann Founder");
            canopy.createPortal(admin, "Pages Corp", "pages-corp");
            admin.get(canopy.portal("pages-corp", "/members/invite"));
            for (int i = 1; i <= 30; i++) {
                var sent = admin.post(
                        canopy.portal("pages-corp", "/members/invite"), "email", "person" + i + "@pages.example");
                assertThat(sent.status()).isEqualTo(302);
            }

            var first = admin.get(canopy.portal("pages-corp", "/members"));
            var second = admin.get(canopy.portal("pages-corp", "/members?page=2"));

            assertThat(MemberSteps.rowCount(first.body())).isEqualTo(25);
            assertThat(first.body()).contains("Page 1 of 2").contains("31 members");
            assertThat(MemberSteps.rowCount(second.body())).isEqualTo(6);
            assertThat(second.body()).contains("Page 2 of 2");
        }
    }

    @Test
    void badParametersFallBackInsteadOfFailing() throws Exception {
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "ann@params.example", "Ann Founder");
            canopy.createPortal(admin, "Params Corp", "params-corp");

            for (String query : new String[] {
                "?page=abc", "?page=-3", "?page=99999999999", "?state=NOPE", "?q=" + "x".repeat(500), "?page=7"
            }) {
                var page = admin.get(canopy.portal("params-corp", "/members" + query));
                assertThat(page.status()).as(query).isEqualTo(200);
            }
            var role = admin.post(canopy.portal("params-corp", "/members/abc/role"), "role", "EMPLOYEE");
            assertThat(role.status()).isEqualTo(400);
        }
    }

    @Test
    void employeeSeesNoControlsAndIsRefusedAdministration() throws Exception {
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "ann@staff.example", "Ann Founder");
            canopy.createPortal(admin, "Staff Corp", "staff-corp");
            try (HttpBrowser bob = steps.employee(admin, "staff-corp", "bob@staff.example", "Bob Builder")) {
                long annId = steps.memberId("staff-corp", "ann@staff.example");

                var page = bob.get(canopy.portal("staff-corp", "/members"));
                var invitePage = bob.get(canopy.portal("staff-corp", "/members/invite"));
                var mailPage = bob.get(canopy.portal("staff-corp", "/mail"));
                var invite = bob.post(canopy.portal("staff-corp", "/members/invite"), "email", "eve@staff.example");
                var demote = bob.post(canopy.portal("staff-corp", "/members/" + annId + "/role"), "role", "EMPLOYEE");
                var dismiss = bob.post(canopy.portal("staff-corp", "/members/" + annId + "/dismiss"));
                var add = bob.post(canopy.portal("staff-corp", "/members/add"), "email", "eve@staff.example");
                var link = bob.post(canopy.portal("staff-corp", "/members/invite-link"), "enabled", "true");
                var renew = bob.post(canopy.portal("staff-corp", "/members/invite-link/renew"));

                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body()).contains("Ann Founder").doesNotContain("data-testid=\"role-form\"");
                assertThat(page.body()).doesNotContain("/members/invite");
                assertThat(invitePage.status()).isEqualTo(403);
                assertThat(mailPage.status()).isEqualTo(403);
                assertThat(invite.status()).isEqualTo(403);
                assertThat(demote.status()).isEqualTo(403);
                assertThat(dismiss.status()).isEqualTo(403);
                assertThat(add.status()).isEqualTo(403);
                assertThat(link.status()).isEqualTo(403);
                assertThat(renew.status()).isEqualTo(403);
                assertThat(jdbc.sql("select count(*) from directory.invite_links")
                                .query(Long.class)
                                .single())
                        .isZero();
                assertThat(steps.role(annId)).isEqualTo("ADMINISTRATOR");
                assertThat(steps.state(annId)).isEqualTo("ACTIVE");
                assertThat(jdbc.sql("select count(*) from directory.memberships where invited_email = ?")
                                .param("eve@staff.example")
                                .query(Long.class)
                                .single())
                        .isZero();
            }
        }
    }

    @Test
    void administratorChangesRoleAndPosition() throws Exception {
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "ann@roles.example", "Ann Founder");
            canopy.createPortal(admin, "Roles Corp", "roles-corp");
            try (HttpBrowser bob = steps.employee(admin, "roles-corp", "bob@roles.example", "Bob Builder")) {
                long bobId = steps.memberId("roles-corp", "bob@roles.example");
                admin.get(canopy.portal("roles-corp", "/members"));

                var promoted =
                        admin.post(canopy.portal("roles-corp", "/members/" + bobId + "/role"), "role", "ADMINISTRATOR");
                var positioned = admin.post(
                        canopy.portal("roles-corp", "/members/" + bobId + "/position"), "position", "  Head of sales ");
                var badRole = admin.post(canopy.portal("roles-corp", "/members/" + bobId + "/role"), "role", "KING");
                var longPosition = admin.post(
                        canopy.portal("roles-corp", "/members/" + bobId + "/position"), "position", "x".repeat(101));

                assertThat(promoted.status()).isEqualTo(302);
                assertThat(positioned.status()).isEqualTo(302);
                assertThat(badRole.status()).isEqualTo(400);
                assertThat(longPosition.status()).isEqualTo(422);
                assertThat(steps.role(bobId)).isEqualTo("ADMINISTRATOR");
                assertThat(steps.position(bobId)).isEqualTo("Head of sales");
                assertThat(bob.get(canopy.portal("roles-corp", "/members/invite"))
                                .status())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void lastAdministratorCannotBeDemotedDismissedOrLeave() throws Exception {
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "ann@last.example", "Ann Founder");
            canopy.createPortal(admin, "Last Corp", "last-corp");
            long annId = steps.memberId("last-corp", "ann@last.example");
            admin.get(canopy.portal("last-corp", "/members"));

            var demote = admin.post(canopy.portal("last-corp", "/members/" + annId + "/role"), "role", "EMPLOYEE");
            var dismiss = admin.post(canopy.portal("last-corp", "/members/" + annId + "/dismiss"));
            admin.get(canopy.portal("last-corp", "/leave"));
            var leave = admin.post(canopy.portal("last-corp", "/leave"));

            assertThat(demote.status()).isEqualTo(422);
            assertThat(demote.body()).contains("last active administrator");
            assertThat(dismiss.status()).isEqualTo(422);
            assertThat(dismiss.body()).contains("last active administrator");
            assertThat(leave.status()).isEqualTo(422);
            assertThat(leave.body()).contains("last active administrator");
            assertThat(steps.role(annId)).isEqualTo("ADMINISTRATOR");
            assertThat(steps.state(annId)).isEqualTo("ACTIVE");
            assertThat(admin.get(canopy.portal("last-corp", "/")).status()).isEqualTo(200);
        }
    }

    @Test
    void memberLeavesAfterConfirmation() throws Exception {
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "ann@leave.example", "Ann Founder");
            canopy.createPortal(admin, "Leave Corp", "leave-corp");
            try (HttpBrowser bob = steps.employee(admin, "leave-corp", "bob@leave.example", "Bob Builder")) {
                long bobId = steps.memberId("leave-corp", "bob@leave.example");

                var confirmation = bob.get(canopy.portal("leave-corp", "/leave"));
                var left = bob.post(canopy.portal("leave-corp", "/leave"));

                assertThat(confirmation.status()).isEqualTo(200);
                assertThat(confirmation.body()).contains("Leave Corp").contains("data-testid=\"leave-form\"");
                assertThat(left.status()).isEqualTo(302);
                assertThat(left.location()).isEqualTo(canopy.hub("/"));
                assertThat(steps.state(bobId)).isEqualTo("DISMISSED");
                assertThat(bob.open(canopy.portal("leave-corp", "/")).status()).isEqualTo(403);
                assertThat(bob.get(canopy.hub("/")).body()).doesNotContain("Leave Corp");
            }
        }
    }

    @Test
    void dismissalEndsSessionsAtOnceAndKeepsTheName() throws Exception {
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "ann@dismiss.example", "Ann Founder");
            canopy.createPortal(admin, "Dismiss Corp", "dismiss-corp");
            try (HttpBrowser bob = steps.employee(admin, "dismiss-corp", "bob@dismiss.example", "Bob Builder")) {
                long bobId = steps.memberId("dismiss-corp", "bob@dismiss.example");
                var confirmation = admin.get(canopy.portal("dismiss-corp", "/members/" + bobId + "/dismiss"));

                var dismissed = admin.post(canopy.portal("dismiss-corp", "/members/" + bobId + "/dismiss"));

                assertThat(confirmation.body()).contains("Bob Builder");
                assertThat(dismissed.status()).isEqualTo(302);
                assertThat(steps.state(bobId)).isEqualTo("DISMISSED");
                var htmx = bob.get(canopy.portal("dismiss-corp", "/members"), Map.of("HX-Request", "true"));
                assertThat(htmx.status()).isEqualTo(401);
                assertThat(htmx.headers()).containsKey("hx-redirect");
                var click = bob.get(canopy.portal("dismiss-corp", "/members"));
                assertThat(click.status()).isEqualTo(302);
                assertThat(bob.open(canopy.portal("dismiss-corp", "/members")).status())
                        .isEqualTo(403);
                var list = admin.get(canopy.portal("dismiss-corp", "/members?state=DISMISSED"));
                assertThat(list.body()).contains("Bob Builder").contains("Dismissed");
            }
        }
    }

    @Test
    void foreignMemberIdsAreNotFoundAndChangeNothing() throws Exception {
        try (HttpBrowser annA = new HttpBrowser();
                HttpBrowser zoeB = new HttpBrowser()) {
            canopy.register(annA, "ann@a.example", "Ann A");
            canopy.createPortal(annA, "Portal A", "portal-a");
            canopy.register(zoeB, "zoe@b.example", "Zoe B");
            canopy.createPortal(zoeB, "Portal B", "portal-b");
            steps.employee(zoeB, "portal-b", "bob@b.example", "Bob B").close();
            zoeB.get(canopy.portal("portal-b", "/members/invite"));
            zoeB.post(canopy.portal("portal-b", "/members/invite"), "email", "ivy@b.example");
            long bobB = steps.memberId("portal-b", "bob@b.example");
            long ivyB = steps.memberId("portal-b", "ivy@b.example");
            annA.get(canopy.portal("portal-a", "/members"));

            assertThat(annA.get(canopy.portal("portal-a", "/members/" + bobB + "/dismiss"))
                            .status())
                    .isEqualTo(404);
            for (String action : new String[] {"role", "position", "dismiss", "approve", "decline", "reinvite"}) {
                var response = annA.post(
                        canopy.portal("portal-a", "/members/" + bobB + "/" + action),
                        "role",
                        "ADMINISTRATOR",
                        "position",
                        "Spy");
                assertThat(response.status()).as(action).isEqualTo(404);
            }
            assertThat(annA.post(canopy.portal("portal-a", "/members/" + ivyB + "/reinvite"))
                            .status())
                    .isEqualTo(404);

            assertThat(steps.role(bobB)).isEqualTo("EMPLOYEE");
            assertThat(steps.state(bobB)).isEqualTo("ACTIVE");
            assertThat(steps.position(bobB)).isNull();
            assertThat(steps.state(ivyB)).isEqualTo("INVITED");
            assertThat(annA.get(canopy.portal("portal-a", "/members")).body()).doesNotContain("Bob B");
        }
    }
}
