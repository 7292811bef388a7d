package dev.canopy.structure;

import static dev.canopy.support.TestMembers.departmentId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.TestMembers;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CanopyTest
class StructureIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Canopy canopy;
    TestMembers members;
    HttpBrowser admin;
    HttpBrowser employee;
    static int portals;
    String portal;

    @BeforeEach
    void createPortalWithEmployee() {
        canopy = new Canopy(port);
        members = new TestMembers(jdbc);
        portal = "acme" + ++portals;
        admin = new HttpBrowser();
        employee = new HttpBrowser();
        canopy.register(admin, "ann@" + portal + ".example.com", "Ann Founder");
        canopy.createPortal(admin, "Acme Corp", portal);
        canopy.register(employee, "bob@" + portal + ".example.com", "Bob Builder");
        members.addActive(portal, "bob@" + portal + ".example.com", "EMPLOYEE");
    }

    @AfterEach
    void closeBrowsers() throws Exception {
        admin.close();
        employee.close();
    }

    @Test
    void employeeSeesTreeWithoutControls() {
        long bob = members.memberId(portal, "bob@" + portal + ".example.com");
        long sales = addDepartment(topId(), "Sales");
        admin.post(url("/structure/departments/" + sales + "/head"), "member", Long.toString(bob));
        admin.post(url("/structure/departments/" + sales + "/members"), "member", Long.toString(bob));

        var page = employee.open(url("/structure"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"structure-tree\"");
        assertThat(page.body()).contains("Acme Corp").contains("Sales");
        assertThat(page.body()).contains("Head: Bob Builder");
        assertThat(page.body()).contains("data-testid=\"department-member\" data-member-id=\"" + bob + "\"");
        assertThat(page.body()).doesNotContain("data-testid=\"edit-department\"");
        assertThat(page.body()).doesNotContain("data-testid=\"remove-member\"");
        assertThat(employee.get(url("/structure/departments/" + sales)).status())
                .isEqualTo(403);
    }

    @Test
    void editFormsLoadAsPageOrFragment() {
        long top = topId();
        long sales = addDepartment(top, "Sales");

        var tree = admin.open(url("/structure"));
        var page = admin.get(url("/structure/departments/" + sales));
        var fragment = admin.get(url("/structure/departments/" + sales), Map.of("HX-Request", "true"));

        assertThat(tree.body()).contains("hx-get=\"/structure/departments/" + sales + "\"");
        assertThat(tree.body()).doesNotContain("data-testid=\"department-actions\"");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html").contains("data-testid=\"department-actions\"");
        assertThat(page.body()).contains("<label for=\"parent-" + sales + "\">Move under</label>");
        assertThat(page.body()).contains("<option value=\"" + top + "\" selected>");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("data-testid=\"department-actions\"");
        assertThat(fragment.body()).contains("name=\"_csrf\"");
    }

    @Test
    void employeeCannotChangeStructure() {
        long top = topId();
        employee.open(url("/structure"));

        var response = employee.post(url("/structure/departments"), "parent", Long.toString(top), "name", "Skunkworks");
        var rename = employee.post(url("/structure/departments/" + top + "/name"), "name", "Bob Corp");

        assertThat(response.status()).isEqualTo(403);
        assertThat(rename.status()).isEqualTo(403);
        assertThat(admin.open(url("/structure")).body())
                .doesNotContain("Skunkworks")
                .doesNotContain("Bob Corp");
    }

    @Test
    void administratorRenamesAndClearsHead() {
        long sales = addDepartment(topId(), "Sales");
        long ann = members.memberId(portal, "ann@" + portal + ".example.com");
        admin.post(url("/structure/departments/" + sales + "/head"), "member", Long.toString(ann));

        admin.post(url("/structure/departments/" + sales + "/name"), "name", "Sales and Marketing");
        var cleared = admin.post(url("/structure/departments/" + sales + "/head"), "member", "");

        assertThat(cleared.status()).isEqualTo(302);
        var page = admin.open(url("/structure")).body();
        assertThat(page).contains("Sales and Marketing");
        assertThat(page).doesNotContain("Head: Ann Founder");
    }

    @Test
    void refusesEmptyDepartmentName() {
        var response = admin.post(url("/structure/departments"), "parent", Long.toString(topId()), "name", "  ");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("Enter the department name.");
    }

    @Test
    void refusesMovingDepartmentUnderItsOwnSubDepartment() {
        long sales = addDepartment(topId(), "Sales");
        long east = addDepartment(sales, "East");

        var response = admin.post(url("/structure/departments/" + sales + "/parent"), "parent", Long.toString(east));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("Sales cannot be moved under East, because East is inside Sales.");
        var moved = admin.post(url("/structure/departments/" + east + "/parent"), "parent", Long.toString(topId()));
        assertThat(moved.status()).isEqualTo(302);
    }

    @Test
    void refusesMovingOrDeletingTopDepartment() {
        long top = topId();
        long sales = addDepartment(top, "Sales");

        var move = admin.post(url("/structure/departments/" + top + "/parent"), "parent", Long.toString(sales));
        admin.open(url("/structure/departments/" + top + "/delete"));
        var delete = admin.post(url("/structure/departments/" + top + "/delete"), "target", Long.toString(sales));

        assertThat(move.status()).isEqualTo(422);
        assertThat(move.body()).contains("The top department cannot be moved.");
        assertThat(delete.status()).isEqualTo(422);
        assertThat(delete.body()).contains("The top department cannot be deleted.");
        assertThat(topId()).isEqualTo(top);
    }

    @Test
    void deletingDepartmentWithContentsAsksWhereTheyGo() {
        long top = topId();
        long bob = members.memberId(portal, "bob@" + portal + ".example.com");
        long sales = addDepartment(top, "Sales");
        long east = addDepartment(sales, "East");
        long support = addDepartment(top, "Support");
        admin.post(url("/structure/departments/" + sales + "/members"), "member", Long.toString(bob));

        var form = admin.open(url("/structure/departments/" + sales + "/delete"));
        var withoutTarget = admin.post(url("/structure/departments/" + sales + "/delete"));
        admin.open(url("/structure/departments/" + sales + "/delete"));
        var intoOwnChild =
                admin.post(url("/structure/departments/" + sales + "/delete"), "target", Long.toString(east));
        admin.open(url("/structure/departments/" + sales + "/delete"));
        var deleted = admin.post(url("/structure/departments/" + sales + "/delete"), "target", Long.toString(support));

        assertThat(form.body())
                .contains("Sales has 1 sub-departments and 1 members.")
                .contains("<select id=\"target\"");
        assertThat(withoutTarget.status()).isEqualTo(422);
        assertThat(intoOwnChild.status()).isEqualTo(422);
        assertThat(deleted.status()).isEqualTo(302);
        String page = admin.open(url("/structure")).body();
        assertThat(page).doesNotContain(">Sales<");
        assertThat(departmentId(page, "East")).isEqualTo(east);
        String supportBranch = page.substring(page.indexOf("data-department-id=\"" + support + "\""));
        assertThat(supportBranch).contains("data-member-id=\"" + bob + "\"").contains(">East<");
    }

    @Test
    void deletesEmptyDepartmentAndRemovesMember() {
        long bob = members.memberId(portal, "bob@" + portal + ".example.com");
        long sales = addDepartment(topId(), "Sales");
        long legal = addDepartment(topId(), "Legal");
        admin.post(url("/structure/departments/" + sales + "/members"), "member", Long.toString(bob));

        var removed = admin.post(url("/structure/departments/" + sales + "/members/" + bob + "/remove"));
        admin.open(url("/structure/departments/" + legal + "/delete"));
        var deleted = admin.post(url("/structure/departments/" + legal + "/delete"));

        assertThat(removed.status()).isEqualTo(302);
        assertThat(deleted.status()).isEqualTo(302);
        String page = admin.open(url("/structure")).body();
        assertThat(page).doesNotContain("data-member-id=\"" + bob + "\"");
        assertThat(page).doesNotContain(">Legal<");
    }

    @Test
    void memberMayBelongToSeveralDepartments() {
        long bob = members.memberId(portal, "bob@" + portal + ".example.com");
        long sales = addDepartment(topId(), "Sales");
        long support = addDepartment(topId(), "Support");

        admin.post(url("/structure/departments/" + sales + "/members"), "member", Long.toString(bob));
        admin.post(url("/structure/departments/" + support + "/members"), "member", Long.toString(bob));

        String page = employee.open(url("/structure")).body();
        assertThat(page.split("data-member-id=\"" + bob + "\"", -1)).hasSize(3);
    }

    @Test
    void foreignIdsAreNotFoundAndChangeNothing() throws Exception {
        try (HttpBrowser other = new HttpBrowser()) {
            String otherPortal = "globex" + portal;
            canopy.register(other, "hank@" + otherPortal + ".example.com", "Hank Scorpio");
            canopy.createPortal(other, "Globex", otherPortal);
            String otherPage =
                    other.open(canopy.portal(otherPortal, "/structure")).body();
            long foreignTop = departmentId(otherPage, "Globex");
            long foreignMember = members.memberId(otherPortal, "hank@" + otherPortal + ".example.com");
            long top = topId();
            long sales = addDepartment(top, "Sales");
            String foreign = "/structure/departments/" + foreignTop;

            assertThat(admin.post(url(foreign + "/name"), "name", "Taken").status())
                    .isEqualTo(404);
            assertThat(admin.post(url("/structure/departments"), "parent", Long.toString(foreignTop), "name", "Spy")
                            .status())
                    .isEqualTo(404);
            assertThat(admin.post(url("/structure/departments/" + sales + "/parent"), "parent", "" + foreignTop)
                            .status())
                    .isEqualTo(404);
            assertThat(admin.get(url(foreign + "/delete")).status()).isEqualTo(404);
            assertThat(admin.get(url(foreign)).status()).isEqualTo(404);
            admin.open(url("/structure"));
            assertThat(admin.post(url(foreign + "/delete")).status()).isEqualTo(404);
            assertThat(admin.post(url(foreign + "/head"), "member", "").status())
                    .isEqualTo(404);
            assertThat(admin.post(url("/structure/departments/" + sales + "/head"), "member", "" + foreignMember)
                            .status())
                    .isEqualTo(404);
            assertThat(admin.post(url("/structure/departments/" + sales + "/members"), "member", "" + foreignMember)
                            .status())
                    .isEqualTo(404);
            assertThat(admin.post(url(foreign + "/members/" + foreignMember + "/remove"))
                            .status())
                    .isEqualTo(404);

            String after = other.open(canopy.portal(otherPortal, "/structure")).body();
            assertThat(departmentId(after, "Globex")).isEqualTo(foreignTop);
            assertThat(after).contains("data-member-id=\"" + foreignMember + "\"");
            assertThat(after).doesNotContain("Taken").doesNotContain("Spy").doesNotContain("Head:");
            assertThat(admin.open(url("/structure")).body()).doesNotContain("Hank Scorpio");
        }
    }

    private String url(String path) {
        return canopy.portal(portal, path);
    }

    private long topId() {
        return departmentId(admin.open(url("/structure")).body(), "Acme Corp");
    }

    private long addDepartment(long parent, String name) {
        admin.open(url("/structure"));
        var response = admin.post(url("/structure/departments"), "parent", Long.toString(parent), "name", name);
        assertThat(response.status()).as("adding %s", name).isEqualTo(302);
        return departmentId(admin.open(url("/structure")).body(), name);
    }
}
